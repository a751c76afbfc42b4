//! Stamps the binary with a hash of its own sources and shipped rules, so
//! claims cached or stored by one build are never trusted by another build
//! that would extract them differently (see `RuleSet::fingerprint`).

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    collect(Path::new("rules"), &mut files);
    files.sort();
    // FNV-1a over paths and contents: no build dependency needed; two
    // builds collide with odds of 1 in 2^64.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in files {
        let bytes = fs::read(&path).unwrap_or_default();
        for b in path.to_string_lossy().bytes().chain([0]).chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=CLAIMCHECK_SOURCE_HASH={hash:016x}");
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
