//! The `claimcheck` binary: argument parsing, output and exit codes.
//! All printing and exiting happens here and in `cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(cli::run())
}
