//! Measures `bilan serve` as a writer feels it: the time from saving a note to the moment
//! the server answers with the rebuilt page. It starts `bilan serve` on a site, appends a
//! sentence to one note after another (10 edits by default), asks for the note's page every
//! 2 ms until the sentence is in it, and prints each time and the median.
//!
//! The site is edited in place: give it a copy (`bench/serve` does).
//!
//! cargo run --release --example rebuild -- BILAN_BINARY SITE [EDITS]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(binary), Some(site)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: rebuild BILAN_BINARY SITE [EDITS]");
        std::process::exit(2);
    };
    let edits: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(10);
    let site = Path::new(site);
    let reports = site.join("content/reports");
    let mut notes: Vec<String> = std::fs::read_dir(&reports)
        .expect("reading content/reports")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("index.md").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    notes.sort();
    assert!(!notes.is_empty(), "no notes in {}", reports.display());

    let mut server = Server(
        Command::new(binary)
            // In English whatever the site's language: the server's lines are read below.
            .args(["serve", "--lang", "en", "--port", "8731", "--root"])
            .arg(site)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starting bilan serve"),
    );
    let (lines, said) = mpsc::channel();
    let stdout = BufReader::new(server.0.stdout.take().expect("the server's output"));
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    // The first build, then the address.
    let mut port = None;
    while port.is_none() {
        let line = said
            .recv_timeout(Duration::from_secs(120))
            .expect("bilan serve starts");
        println!("serve: {line}");
        port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse::<u16>().ok());
    }
    let port = port.unwrap_or(8731);
    std::thread::sleep(Duration::from_millis(500));

    let mut times = Vec::new();
    let mut reported = Vec::new();
    for edit in 0..edits {
        let note = &notes[(edit * 7919 + 13) % notes.len()];
        let file = reports.join(note).join("index.md");
        let page = format!("/rapports/{note}/index.html");
        let marker = format!("Mesure de reconstruction numéro {edit}.");
        let mut text = std::fs::read_to_string(&file).expect("reading the note");
        text.push_str(&format!("\n{marker}\n"));

        let started = Instant::now();
        std::fs::write(&file, &text).expect("writing the note");
        loop {
            if get(port, &page).contains(&marker) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the edit of {note} was not served within 20 s"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        let elapsed = started.elapsed();
        times.push(elapsed);
        // What the server says of its rebuild ("built in 23 ms: …").
        std::thread::sleep(Duration::from_millis(300));
        while let Ok(line) = said.try_recv() {
            if let Some(ms) = line
                .strip_prefix("built in ")
                .and_then(|rest| rest.split(' ').next())
                .and_then(|ms| ms.parse::<u64>().ok())
            {
                reported.push(ms);
            }
        }
        println!(
            "edit {:>2}: {note}: served rebuilt after {:.1} ms",
            edit + 1,
            elapsed.as_secs_f64() * 1000.0
        );
    }
    drop(server);

    times.sort();
    reported.sort();
    let median = times[times.len() / 2].as_secs_f64() * 1000.0;
    // A site with an address has a feed, a sitemap and previews to keep up to date too.
    let published = std::fs::read_to_string(site.join("content/site.yaml"))
        .is_ok_and(|text| text.lines().any(|line| line.starts_with("base_url:")));
    println!(
        "{} notes{}, {edits} edits: from save to page served, median {median:.1} ms (min {:.1}, max {:.1}); rebuild alone as serve reports it, median {} ms",
        notes.len(),
        if published { " with base_url" } else { "" },
        times[0].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0,
        reported
            .get(reported.len() / 2)
            .map_or("?".to_owned(), u64::to_string),
    );
}

/// The server, stopped when the measure ends, even by a failure.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The body of `path`, or nothing if the server does not answer.
fn get(port: u16, path: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return String::new();
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
}
