//! The Rust std side of the fearless benchmark harness.
//!
//! The Go harness (`bench/`) runs the same named workloads on every side. This
//! binary knows the Rust std versions of them and times one run at a time, so
//! the harness can interleave Rust runs with the Go sides' runs.
//!
//! Usage:
//!   fearless-bench-rust list                  one JSON line: {"workloads":[...]}
//!   fearless-bench-rust WORKLOAD N RUNS       RUNS JSON lines, one per run
//!   fearless-bench-rust serve                 reads "run WORKLOAD N" or "list"
//!                                             lines on stdin, answers each with
//!                                             one JSON line on stdout
//!
//! A run line is {"workload":"...","n":N,"run":I,"ns":T} where T is the wall
//! time of the run in nanoseconds; a failed run is {"workload":"...","error":"..."}.
//! Only std is used: the harness builds this with `cargo build --release --offline`.

use std::hint::black_box;
use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex, OnceLock, RwLock};
use std::thread;
use std::time::{Duration, Instant};

/// Producers and consumers in the multi-threaded workloads, as in crossbeam's suite.
const THREADS: usize = 4;
/// Workers in the pool workload.
const WORKERS: usize = 4;

type Body = Box<dyn Fn(usize) -> Result<(), String>>;

/// Producer counts of the scaling group's channel curves, and thread
/// counts of its Mutex curve (the Go side's scaleThreads).
const SCALE_THREADS: [usize; 5] = [1, 2, 4, 16, 64];
/// Capacity of the scaling group's bounded channel (the Go side's scaleCap).
const SCALE_CAP: usize = 64;

fn table() -> Vec<(String, Body)> {
    let fixed: Vec<(&'static str, fn(usize) -> Result<(), String>)> = vec![
        ("chan/unbounded/seq", |n| seq(Flavor::Unbounded, n)),
        ("chan/unbounded/spsc", |n| spsc(Flavor::Unbounded, n)),
        ("chan/unbounded/mpsc", |n| mpsc_(Flavor::Unbounded, n)),
        ("chan/unbounded/mpmc", |n| mpmc(Flavor::Unbounded, n)),
        ("chan/boundedN/seq", |n| seq(Flavor::Bounded(n), n)),
        ("chan/boundedN/spsc", |n| spsc(Flavor::Bounded(n), n)),
        ("chan/boundedN/mpsc", |n| mpsc_(Flavor::Bounded(n), n)),
        ("chan/boundedN/mpmc", |n| mpmc(Flavor::Bounded(n), n)),
        ("chan/bounded1/spsc", |n| spsc(Flavor::Bounded(1), n)),
        ("chan/bounded1/mpsc", |n| mpsc_(Flavor::Bounded(1), n)),
        ("chan/bounded1/mpmc", |n| mpmc(Flavor::Bounded(1), n)),
        ("chan/rendezvous/spsc", |n| spsc(Flavor::Bounded(0), n)),
        ("chan/rendezvous/mpsc", |n| mpsc_(Flavor::Bounded(0), n)),
        ("chan/rendezvous/mpmc", |n| mpmc(Flavor::Bounded(0), n)),
        ("latency/pingpong", pingpong),
        ("mutex/uncontended", mutex_uncontended),
        ("mutex/contended", mutex_contended),
        ("rwlock/read", rwlock_read),
        ("rwlock/read-contended", rwlock_read_contended),
        ("rwlock/mixed-contended", rwlock_mixed_contended),
        ("barrier/generations", barrier_generations),
        ("spawn/join", spawn_join),
        ("spawn/scope", spawn_scope),
        ("pool/throughput", pool_throughput),
        ("pool/100us", pool_100us),
        ("par/sum", par_sum),
        ("par/map", par_map),
    ];
    let mut t: Vec<(String, Body)> = fixed.into_iter().map(|(n, f)| (n.to_string(), Box::new(f) as Body)).collect();
    // The scaling group: the same shapes with the count as a parameter.
    for p in SCALE_THREADS {
        t.push((format!("scale/unbounded/p={p}"), Box::new(move |n| producers(Flavor::Unbounded, p, n))));
        t.push((format!("scale/bounded{SCALE_CAP}/p={p}"), Box::new(move |n| producers(Flavor::Bounded(SCALE_CAP), p, n))));
        t.push((format!("scale/mutex/g={p}"), Box::new(move |n| mutex_threads(p, n))));
    }
    t
}

// ---------------------------------------------------------------- channels

#[derive(Clone, Copy)]
enum Flavor {
    Unbounded,
    Bounded(usize),
}

/// Either kind of std sender, so one body serves every flavour.
enum Tx {
    Async(mpsc::Sender<usize>),
    Sync(mpsc::SyncSender<usize>),
}

impl Tx {
    #[inline]
    fn send(&self, v: usize) {
        match self {
            Tx::Async(s) => s.send(v).unwrap(),
            Tx::Sync(s) => s.send(v).unwrap(),
        }
    }
    fn clone(&self) -> Tx {
        match self {
            Tx::Async(s) => Tx::Async(s.clone()),
            Tx::Sync(s) => Tx::Sync(s.clone()),
        }
    }
}

fn new_chan(f: Flavor) -> (Tx, mpsc::Receiver<usize>) {
    match f {
        Flavor::Unbounded => {
            let (s, r) = mpsc::channel();
            (Tx::Async(s), r)
        }
        Flavor::Bounded(cap) => {
            let (s, r) = mpsc::sync_channel(cap);
            (Tx::Sync(s), r)
        }
    }
}

/// 0 + 1 + ... + (n-1): what the consumers of n messages must add up to.
fn want_sum(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

/// Producer p sends p*per .. (p+1)*per, so all of them send 0 .. n.
fn check(got: usize, n: usize) -> Result<(), String> {
    let want = want_sum(n);
    if got != want {
        return Err(format!("received sum {got}, want {want}"));
    }
    Ok(())
}

fn seq(f: Flavor, n: usize) -> Result<(), String> {
    let (s, r) = new_chan(f);
    for i in 0..n {
        s.send(i);
    }
    let mut sum = 0usize;
    for _ in 0..n {
        sum = sum.wrapping_add(r.recv().unwrap());
    }
    check(sum, n)
}

fn spsc(f: Flavor, n: usize) -> Result<(), String> {
    let (s, r) = new_chan(f);
    thread::scope(|sc| {
        sc.spawn(move || {
            for i in 0..n {
                s.send(i);
            }
        });
        let mut sum = 0usize;
        for _ in 0..n {
            sum = sum.wrapping_add(r.recv().unwrap());
        }
        check(sum, n)
    })
}

fn mpsc_(f: Flavor, n: usize) -> Result<(), String> {
    producers(f, THREADS, n)
}

/// `count` producers send their share of 0 .. n, one consumer receives all.
fn producers(f: Flavor, count: usize, n: usize) -> Result<(), String> {
    let (s, r) = new_chan(f);
    let per = n / count;
    thread::scope(|sc| {
        for p in 0..count {
            let s = s.clone();
            sc.spawn(move || {
                for i in p * per..(p + 1) * per {
                    s.send(i);
                }
            });
        }
        drop(s);
        let mut sum = 0usize;
        for _ in 0..per * count {
            sum = sum.wrapping_add(r.recv().unwrap());
        }
        check(sum, per * count)
    })
}

/// std's Receiver is not Sync: several consumers share it behind a Mutex,
/// as the worker pool of the Rust book does.
fn mpmc(f: Flavor, n: usize) -> Result<(), String> {
    let (s, r) = new_chan(f);
    let r = Mutex::new(r);
    let per = n / THREADS;
    let total = AtomicUsize::new(0);
    thread::scope(|sc| {
        for p in 0..THREADS {
            let s = s.clone();
            sc.spawn(move || {
                for i in p * per..(p + 1) * per {
                    s.send(i);
                }
            });
        }
        for _ in 0..THREADS {
            let (r, total) = (&r, &total);
            sc.spawn(move || {
                let mut sum = 0usize;
                for _ in 0..per {
                    let v = r.lock().unwrap().recv().unwrap();
                    sum = sum.wrapping_add(v);
                }
                total.fetch_add(sum, Ordering::Relaxed);
            });
        }
        drop(s);
    });
    check(total.load(Ordering::Relaxed), per * THREADS)
}

fn pingpong(n: usize) -> Result<(), String> {
    let (ping_s, ping_r) = mpsc::sync_channel::<usize>(0);
    let (pong_s, pong_r) = mpsc::sync_channel::<usize>(0);
    thread::scope(|sc| {
        sc.spawn(move || {
            for v in ping_r.iter() {
                if pong_s.send(v + 1).is_err() {
                    return;
                }
            }
        });
        let mut v = 0usize;
        for _ in 0..n {
            ping_s.send(v).unwrap();
            v = pong_r.recv().unwrap();
        }
        drop(ping_s);
        if v != n {
            return Err(format!("ping-pong ended at {v}, want {n}"));
        }
        Ok(())
    })
}

// ------------------------------------------------------------------- locks

fn mutex_uncontended(n: usize) -> Result<(), String> {
    let m = Mutex::new(0usize);
    for _ in 0..n {
        *black_box(&m).lock().unwrap() += 1;
    }
    let got = *m.lock().unwrap();
    if got != n {
        return Err(format!("counter {got}, want {n}"));
    }
    Ok(())
}

fn mutex_contended(n: usize) -> Result<(), String> {
    mutex_threads(THREADS, n)
}

/// `count` threads lock, increment, unlock one Mutex.
fn mutex_threads(count: usize, n: usize) -> Result<(), String> {
    let m = Mutex::new(0usize);
    let per = n / count;
    thread::scope(|sc| {
        for _ in 0..count {
            sc.spawn(|| {
                for _ in 0..per {
                    *black_box(&m).lock().unwrap() += 1;
                }
            });
        }
    });
    let got = *m.lock().unwrap();
    if got != per * count {
        return Err(format!("counter {got}, want {}", per * count));
    }
    Ok(())
}

fn rwlock_read(n: usize) -> Result<(), String> {
    let l = RwLock::new(1usize);
    let mut sum = 0usize;
    for _ in 0..n {
        sum += *black_box(&l).read().unwrap();
    }
    if sum != n {
        return Err(format!("read sum {sum}, want {n}"));
    }
    Ok(())
}

fn rwlock_read_contended(n: usize) -> Result<(), String> {
    let l = RwLock::new(1usize);
    let per = n / THREADS;
    let total = AtomicUsize::new(0);
    thread::scope(|sc| {
        for _ in 0..THREADS {
            sc.spawn(|| {
                let mut sum = 0usize;
                for _ in 0..per {
                    sum += *black_box(&l).read().unwrap();
                }
                total.fetch_add(sum, Ordering::Relaxed);
            });
        }
    });
    let got = total.load(Ordering::Relaxed);
    if got != per * THREADS {
        return Err(format!("read sum {got}, want {}", per * THREADS));
    }
    Ok(())
}

/// One operation in ten is a write.
fn rwlock_mixed_contended(n: usize) -> Result<(), String> {
    let l = RwLock::new(0usize);
    let per = n / THREADS;
    thread::scope(|sc| {
        for _ in 0..THREADS {
            sc.spawn(|| {
                let mut seen = 0usize;
                for i in 0..per {
                    if i % 10 == 0 {
                        *black_box(&l).write().unwrap() += 1;
                    } else {
                        seen = seen.wrapping_add(*black_box(&l).read().unwrap());
                    }
                }
                black_box(seen);
            });
        }
    });
    let want = THREADS * per.div_ceil(10);
    let got = *l.read().unwrap();
    if got != want {
        return Err(format!("writes {got}, want {want}"));
    }
    Ok(())
}

fn barrier_generations(n: usize) -> Result<(), String> {
    let b = Barrier::new(THREADS);
    let leaders = AtomicUsize::new(0);
    thread::scope(|sc| {
        for _ in 0..THREADS {
            sc.spawn(|| {
                for _ in 0..n {
                    if b.wait().is_leader() {
                        leaders.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let got = leaders.load(Ordering::Relaxed);
    if got != n {
        return Err(format!("{got} leaders, want one per generation ({n})"));
    }
    Ok(())
}

// ----------------------------------------------------------------- threads

/// Threads are spawned THREADS at a time and joined, n in all.
fn spawn_join(n: usize) -> Result<(), String> {
    let mut sum = 0usize;
    let mut handles = Vec::with_capacity(THREADS);
    for b in 0..n / THREADS {
        for i in 0..THREADS {
            let v = b * THREADS + i;
            handles.push(thread::spawn(move || v));
        }
        for h in handles.drain(..) {
            sum += h.join().map_err(|_| "a thread panicked".to_string())?;
        }
    }
    check(sum, n / THREADS * THREADS)
}

/// n/THREADS scopes, each spawning THREADS threads.
fn spawn_scope(n: usize) -> Result<(), String> {
    let total = AtomicUsize::new(0);
    for b in 0..n / THREADS {
        thread::scope(|sc| {
            for i in 0..THREADS {
                let total = &total;
                sc.spawn(move || {
                    total.fetch_add(b * THREADS + i, Ordering::Relaxed);
                });
            }
        });
    }
    check(total.load(Ordering::Relaxed), n / THREADS * THREADS)
}

// -------------------------------------------------------------------- pool

type Job = Box<dyn FnOnce() + Send + 'static>;

/// The worker pool of the seeds: workers share one Receiver behind a Mutex.
struct ThreadPool {
    workers: Vec<thread::JoinHandle<()>>,
    sender: Option<mpsc::Sender<Job>>,
}

impl ThreadPool {
    fn new(size: usize) -> ThreadPool {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let workers = (0..size)
            .map(|_| {
                let receiver = Arc::clone(&receiver);
                thread::spawn(move || loop {
                    let job = receiver.lock().unwrap().recv();
                    match job {
                        Ok(job) => job(),
                        Err(_) => break,
                    }
                })
            })
            .collect();
        ThreadPool { workers, sender: Some(sender) }
    }

    fn execute<F: FnOnce() + Send + 'static>(&self, f: F) {
        self.sender.as_ref().unwrap().send(Box::new(f)).unwrap();
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        drop(self.sender.take());
        for w in self.workers.drain(..) {
            w.join().unwrap();
        }
    }
}

fn pool_throughput(n: usize) -> Result<(), String> {
    let done = Arc::new(AtomicUsize::new(0));
    {
        let pool = ThreadPool::new(WORKERS);
        for i in 0..n {
            let done = Arc::clone(&done);
            pool.execute(move || {
                done.fetch_add(task(i), Ordering::Relaxed);
            });
        }
    }
    let got = done.load(Ordering::Relaxed);
    let want: usize = (0..n).map(task).fold(0, usize::wrapping_add);
    if got != want {
        return Err(format!("tasks added {got}, want {want}"));
    }
    Ok(())
}

/// The small piece of work each pool task does (the Go sides do the same).
#[inline]
fn task(i: usize) -> usize {
    (i & 7) + 1
}

/// How long one task of pool/100us works.
const BUSY_TASK: Duration = Duration::from_micros(100);

/// Dependent steps of a 64-bit LCG with an xorshift: CPU work only, which no
/// compiler can fold into a formula (the Go sides' busy is the same).
#[inline(never)]
fn busy(seed: u64, iters: u64) -> u64 {
    let mut x = seed;
    for _ in 0..iters {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        x ^= x >> 33;
    }
    x
}

/// How many steps of busy take BUSY_TASK here, and busy's result for each of
/// the 8 seeds the tasks use: measured once per process, outside the timer.
fn busy_calibration() -> &'static (u64, [u64; 8]) {
    static CAL: OnceLock<(u64, [u64; 8])> = OnceLock::new();
    CAL.get_or_init(|| {
        const PROBE: u64 = 1 << 16;
        // The fastest of several tries is the one least disturbed by other load.
        let mut best = Duration::MAX;
        for k in 0..20u64 {
            let start = Instant::now();
            black_box(busy(black_box(k), PROBE));
            best = best.min(start.elapsed());
        }
        let best = best.as_nanos().max(1) as f64;
        let iters = ((PROBE as f64 * BUSY_TASK.as_nanos() as f64 / best) as u64).max(1);
        let mut results = [0u64; 8];
        for (seed, r) in results.iter_mut().enumerate() {
            *r = busy(seed as u64, iters);
        }
        (iters, results)
    })
}

/// N tasks of about 100 µs of CPU work on the seeds' pool with one worker
/// per core, as the Go sides use GOMAXPROCS workers.
fn pool_100us(n: usize) -> Result<(), String> {
    let &(iters, results) = busy_calibration();
    let done = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    {
        let pool = ThreadPool::new(chunks());
        for i in 0..n {
            let done = Arc::clone(&done);
            pool.execute(move || {
                done.fetch_add(busy(black_box((i & 7) as u64), iters), Ordering::Relaxed);
            });
        }
    }
    let ns = start.elapsed().as_nanos();
    TIMED.with(|t| t.set(Some(ns)));
    let got = done.load(Ordering::Relaxed);
    let want = (0..n).map(|i| results[i & 7]).fold(0u64, u64::wrapping_add);
    if got != want {
        return Err(format!("busy tasks added {got}, want {want}"));
    }
    Ok(())
}

// --------------------------------------------------------------------- par

fn chunks() -> usize {
    thread::available_parallelism().map(|p| p.get()).unwrap_or(1)
}

fn par_sum(n: usize) -> Result<(), String> {
    let data: Vec<i64> = (0..n as i64).map(|i| i % 1000).collect();
    let want: i64 = data.iter().sum();
    let start = Instant::now();
    let per = n.div_ceil(chunks()).max(1);
    let got: i64 = thread::scope(|sc| {
        let hs: Vec<_> = data
            .chunks(per)
            .map(|c| sc.spawn(move || c.iter().sum::<i64>()))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let ns = start.elapsed().as_nanos();
    TIMED.with(|t| t.set(Some(ns)));
    if got != want {
        return Err(format!("sum {got}, want {want}"));
    }
    Ok(())
}

/// The function the map workload applies: a few multiply and shift steps.
#[inline]
fn mix(x: u64) -> u64 {
    let x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

fn par_map(n: usize) -> Result<(), String> {
    let data: Vec<u64> = (0..n as u64).collect();
    // The output is allocated inside the timed part, as the Go sides do.
    let start = Instant::now();
    let mut out = vec![0u64; n];
    let per = n.div_ceil(chunks()).max(1);
    thread::scope(|sc| {
        for (i, o) in data.chunks(per).zip(out.chunks_mut(per)) {
            sc.spawn(move || {
                for (x, y) in i.iter().zip(o.iter_mut()) {
                    *y = mix(*x);
                }
            });
        }
    });
    let ns = start.elapsed().as_nanos();
    TIMED.with(|t| t.set(Some(ns)));
    for i in (0..n).step_by(1024) {
        if out[i] != mix(i as u64) {
            return Err(format!("out[{i}] = {}, want {}", out[i], mix(i as u64)));
        }
    }
    Ok(())
}

thread_local! {
    /// Set by a body that times only part of itself (setup excluded).
    static TIMED: std::cell::Cell<Option<u128>> = const { std::cell::Cell::new(None) };
}

// ----------------------------------------------------------------- driver

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list_line() -> String {
    let names: Vec<String> = table().iter().map(|(n, _)| json_str(n)).collect();
    format!("{{\"workloads\":[{}]}}", names.join(","))
}

fn run_line(name: &str, n: usize, run: usize) -> String {
    let Some((_, body)) = table().into_iter().find(|(w, _)| *w == name) else {
        return format!(
            "{{\"workload\":{},\"error\":{}}}",
            json_str(name),
            json_str("unknown workload")
        );
    };
    if n == 0 {
        return format!("{{\"workload\":{},\"error\":\"n must be > 0\"}}", json_str(name));
    }
    TIMED.with(|t| t.set(None));
    let start = Instant::now();
    let res = body(n);
    let mut ns = start.elapsed().as_nanos();
    if let Some(t) = TIMED.with(|t| t.take()) {
        ns = t;
    }
    match res {
        Ok(()) => format!(
            "{{\"workload\":{},\"n\":{},\"run\":{},\"ns\":{}}}",
            json_str(name),
            n,
            run,
            ns
        ),
        Err(e) => format!("{{\"workload\":{},\"error\":{}}}", json_str(name), json_str(&e)),
    }
}

fn usage() -> ! {
    eprintln!("usage: fearless-bench-rust list | serve | WORKLOAD N RUNS");
    std::process::exit(2);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match args.as_slice() {
        [cmd] if cmd == "list" => {
            writeln!(out, "{}", list_line()).unwrap();
        }
        [cmd] if cmd == "serve" => {
            for line in io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                let f: Vec<&str> = line.split_whitespace().collect();
                let reply = match f.as_slice() {
                    [] => continue,
                    ["list"] => list_line(),
                    ["run", w, n] => match n.parse::<usize>() {
                        Ok(n) => run_line(w, n, 0),
                        Err(_) => format!("{{\"workload\":{},\"error\":\"bad n\"}}", json_str(w)),
                    },
                    ["quit"] => break,
                    _ => format!("{{\"error\":{}}}", json_str(&format!("bad command: {line}"))),
                };
                writeln!(out, "{reply}").unwrap();
                out.flush().unwrap();
            }
        }
        [w, n, runs] => {
            let (Ok(n), Ok(runs)) = (n.parse::<usize>(), runs.parse::<usize>()) else { usage() };
            for r in 0..runs {
                writeln!(out, "{}", run_line(w, n, r)).unwrap();
            }
        }
        _ => usage(),
    }
}
