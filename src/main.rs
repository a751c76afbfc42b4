//! The `claimcheck` binary: argument parsing, output and exit codes.
//! All printing and exiting happens here and in `cli/`.

mod cli;

/// mimalloc instead of the system allocator: extraction makes many small,
/// short-lived allocations per document on every thread, where glibc's
/// arenas spent about a fifth of a run on tiny articles (issue 19).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (the sys crate
/// names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // Freed memory goes back to the system after 10 ms (mimalloc 2's
    // default), not mimalloc 3's second: a long run's peak stays where
    // glibc's was (the 16x Reuters check: 310 MB with a second, 284 MB
    // with 10 ms), and purging at once (0) cost a 20 MB one-line document
    // a second of system time re-faulting its large buffers.
    // SAFETY: sets a process-wide option before any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
    no_transparent_huge_pages();
    std::process::ExitCode::from(cli::run())
}

/// Turns transparent huge pages off for this process. mimalloc asks for
/// them on its arenas, and purged memory is then faulted back a huge page
/// at a time: a 20 MB one-line document spent 2.9-4.2 s in the kernel with
/// them and 1.7-2.0 s without, and every peak was higher (Reuters 91 MB
/// against 55 MB). mimalloc's own `allow_thp` option is read before `main`
/// runs, so it is set here through the kernel instead; a kernel that
/// refuses leaves the defaults, which are only slower.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
