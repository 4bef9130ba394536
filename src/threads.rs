//! The one worker pool dsr runs its parallel work on, and poison-tolerant locking.
//!
//! The pool is a few scoped threads taking items from a shared queue, not rayon: a run
//! must stop taking new items when a stop is asked for (Ctrl-C) or a journal fails while
//! the items in flight finish, each call chooses its own number of threads (`--jobs`),
//! and a bulk run's workers block while the subjects sharing an asset take turns, which
//! would starve a shared rayon pool.
//!
//! A lock is never refused because another thread panicked while holding it: what it
//! guards here (results, caches, a token, a journal file handle) stays usable, and the
//! panic itself is reported where the thread is joined.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// Locks `mutex`, taking it over when a thread panicked while holding it.
pub fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The value `mutex` guards, even when a thread panicked while holding it.
pub fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Waits on `condvar` with `guard`, poison-tolerant like [`lock`].
pub fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(|e| e.into_inner())
}

/// Waits on `condvar` with `guard` for at most `timeout`, poison-tolerant like [`lock`].
pub fn wait_timeout<'a, T>(
    condvar: &Condvar,
    guard: MutexGuard<'a, T>,
    timeout: Duration,
) -> MutexGuard<'a, T> {
    condvar
        .wait_timeout(guard, timeout)
        .map_or_else(|e| e.into_inner().0, |(guard, _)| guard)
}

/// Spawns `f` on `scope` to run beside this thread from the start.
///
/// Linux may start a new thread on the CPU of the thread that spawned it and leave it
/// waiting there while another CPU is idle: on a 2-core machine a helper started that way
/// began 0.1 to 4 ms late (half of 25 fresh processes waited over 2.5 ms), and two threads
/// of 11 ms of work each often shared one CPU and took 19 ms instead of 11. For work of a
/// few milliseconds, such as confirming a search's candidates, the helper came too late to
/// help. So this thread yields once, which lets the helper run, and a helper that finds
/// itself on this thread's CPU moves to the others for its short life. A process bound to
/// one CPU, or a system that refuses the move, runs the helper the ordinary way.
pub fn spawn_beside<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    f: impl FnOnce() -> T + Send + 'scope,
) -> std::thread::ScopedJoinHandle<'scope, T> {
    let here = rustix::thread::sched_getcpu();
    let helper = scope.spawn(move || {
        step_aside(here);
        f()
    });
    std::thread::yield_now();
    helper
}

/// Moves this thread off `busy` when it runs there and the process may use other CPUs.
fn step_aside(busy: usize) {
    if rustix::thread::sched_getcpu() != busy {
        return;
    }
    let Ok(mut allowed) = rustix::thread::sched_getaffinity(None) else {
        return;
    };
    if allowed.count() < 2 || !allowed.is_set(busy) {
        return;
    }
    allowed.unset(busy);
    // Refused (a seccomp policy, say), the helper stays where it is: slower, not wrong.
    let _ = rustix::thread::sched_setaffinity(None, &allowed);
}

/// Runs `worker` on `threads` scoped threads (at least one) and returns when all have
/// returned. Each worker takes its own work from a queue the caller shares with it.
pub fn workers(threads: usize, worker: impl Fn() + Sync) {
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(&worker);
        }
    });
}

/// Runs `work` over `items` on up to `jobs` threads and returns the results of the items
/// it ran, in the items' order.
///
/// An item is taken only while `go_on()` holds, checked before each one. `work` returning
/// [`ControlFlow::Break`] keeps its result and lets no thread take a new item; the items
/// in flight finish.
pub fn map<T: Send, R: Send>(
    jobs: usize,
    items: Vec<T>,
    go_on: impl Fn() -> bool + Sync,
    work: impl Fn(T) -> ControlFlow<R, R> + Sync,
) -> Vec<R> {
    let total = items.len();
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..total).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let halted = AtomicBool::new(false);
    workers(jobs.min(total), || {
        loop {
            if halted.load(Ordering::Relaxed) || !go_on() {
                break;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = slots.get(i).and_then(|slot| lock(slot).take()) else {
                break;
            };
            let result = match work(item) {
                ControlFlow::Continue(result) => result,
                ControlFlow::Break(result) => {
                    halted.store(true, Ordering::Relaxed);
                    result
                }
            };
            *lock(&results[i]) = Some(result);
        }
    });
    results.into_iter().filter_map(into_inner).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_the_items_order() {
        let doubled = map(
            4,
            (0..100).collect(),
            || true,
            |i| ControlFlow::Continue(i * 2),
        );
        assert_eq!(doubled, (0..100).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn map_takes_no_item_once_go_on_fails() {
        let ran = AtomicUsize::new(0);
        let out = map(
            3,
            (0..50).collect::<Vec<usize>>(),
            || ran.load(Ordering::SeqCst) < 5,
            |i| {
                ran.fetch_add(1, Ordering::SeqCst);
                ControlFlow::Continue(i)
            },
        );
        // At most one item per thread was begun after the fifth.
        assert!(out.len() >= 5 && out.len() < 5 + 3, "{}", out.len());
    }

    #[test]
    fn map_break_stops_every_thread_and_keeps_the_result() {
        let out = map(
            1,
            (0..10).collect(),
            || true,
            |i| {
                if i == 3 {
                    ControlFlow::Break(i)
                } else {
                    ControlFlow::Continue(i)
                }
            },
        );
        assert_eq!(out, vec![0, 1, 2, 3]);
    }

    #[test]
    fn map_of_nothing_runs_nothing() {
        let out: Vec<u8> = map(8, Vec::<u8>::new(), || true, ControlFlow::Continue);
        assert!(out.is_empty());
    }

    #[test]
    fn a_poisoned_lock_is_taken_over() {
        let mutex = Mutex::new(1);
        let _ = std::thread::scope(|s| {
            s.spawn(|| {
                let _guard = lock(&mutex);
                panic!("poison");
            })
            .join()
        });
        assert!(mutex.is_poisoned());
        *lock(&mutex) += 1;
        assert_eq!(into_inner(mutex), 2);
    }
}
