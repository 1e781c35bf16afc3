//! When to rebuild: the watcher tells of every file written, created, removed or renamed,
//! and a save is often several of them (a temporary file renamed over the note, a backup
//! removed). The site is rebuilt once the burst is over.

use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind};

use crate::folder::is_hidden;

/// How long after a change the site waits for more before it is rebuilt once for all of
/// them. An editor's save takes a few milliseconds.
const QUIET: Duration = Duration::from_millis(20);

/// How long it waits after a change that ends a save: a file of the site closed after
/// writing, or renamed into place (what Linux tells). What may follow at once, an editor's
/// backup removed, comes within microseconds.
const SETTLE: Duration = Duration::from_millis(3);

/// Waits for a change that matters, then for the burst of changes to end, and returns every
/// change since the last call (those that alone would not start a rebuild too, since they
/// may still change what is built); `None` when the watcher is gone.
pub(super) fn wait_for_change(
    changes: &Receiver<notify::Result<Event>>,
) -> Option<Vec<notify::Result<Event>>> {
    let mut burst = Vec::new();
    let mut wait = QUIET;
    loop {
        let event = changes.recv().ok()?;
        let starts = matters(&event);
        wait = wait_after(&event).unwrap_or(wait);
        burst.push(event);
        if starts {
            break;
        }
    }
    while let Ok(event) = changes.recv_timeout(wait) {
        wait = wait_after(&event).unwrap_or(wait);
        burst.push(event);
    }
    Some(burst)
}

/// How long to wait for more after `event`: briefly after one that ends a save, or `None`
/// for a mere read, which leaves the wait as it was.
fn wait_after(event: &notify::Result<Event>) -> Option<Duration> {
    let Ok(event) = event else { return Some(QUIET) };
    let ends_a_save = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => return None,
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => true,
        _ => false,
    };
    // The file the save ended with is the last path (a rename's destination).
    let of_the_site = event.paths.last().is_some_and(|path| of_the_site(path));
    Some(if ends_a_save && of_the_site {
        SETTLE
    } else {
        QUIET
    })
}

/// A change to a file of the site, not an editor's swap or backup file, nor a mere read.
fn matters(event: &notify::Result<Event>) -> bool {
    let Ok(event) = event else { return true };
    if event.kind.is_access() {
        return false;
    }
    event.paths.iter().any(|path| of_the_site(path))
}

/// Whether the file at `path` is one of the site, not an editor's swap or backup file.
fn of_the_site(path: &Path) -> bool {
    path.file_name()
        .map(|name| name.to_string_lossy())
        .is_some_and(|name| !is_hidden(&name) && !name.ends_with(".swp") && !name.ends_with(".tmp"))
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use std::path::PathBuf;

    use notify::event::{CreateKind, DataChange};

    use super::*;

    fn event(kind: EventKind, paths: &[&str]) -> notify::Result<Event> {
        let mut event = Event::new(kind);
        for path in paths {
            event = event.add_path(PathBuf::from(path));
        }
        Ok(event)
    }

    const NOTE: &str = "content/reports/q3/index.md";
    const WRITTEN: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Any));
    const CLOSED: EventKind = EventKind::Access(AccessKind::Close(AccessMode::Write));
    const READ: EventKind = EventKind::Access(AccessKind::Close(AccessMode::Read));
    const RENAMED: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::Both));

    #[test]
    fn a_save_the_system_says_is_over_is_waited_for_briefly() {
        assert_eq!(wait_after(&event(CLOSED, &[NOTE])), Some(SETTLE));
        let into_place = event(RENAMED, &["content/reports/q3/.index.md.tmp", NOTE]);
        assert_eq!(wait_after(&into_place), Some(SETTLE));
        // Still being written, or a swap file closed: the whole quiet time.
        assert_eq!(wait_after(&event(WRITTEN, &[NOTE])), Some(QUIET));
        let swap = "content/reports/q3/.index.md.swp";
        assert_eq!(wait_after(&event(CLOSED, &[swap])), Some(QUIET));
        let away = event(RENAMED, &[NOTE, "content/reports/q3/index.md.swp"]);
        assert_eq!(wait_after(&away), Some(QUIET));
        assert_eq!(
            wait_after(&Err(notify::Error::generic("lost"))),
            Some(QUIET)
        );
        // A read changes nothing.
        assert_eq!(wait_after(&event(READ, &[NOTE])), None);
    }

    #[test]
    fn a_burst_starts_with_a_change_that_matters_and_keeps_all_that_came() {
        let (sender, changes) = mpsc::channel();
        let burst = [
            event(READ, &[NOTE]),
            event(EventKind::Create(CreateKind::File), &["content/.x.swp"]),
            event(WRITTEN, &[NOTE]),
            event(CLOSED, &[NOTE]),
            event(READ, &[NOTE]),
        ];
        for change in burst {
            sender.send(change).unwrap();
        }
        drop(sender);
        let got = wait_for_change(&changes).unwrap();
        assert_eq!(got.len(), 5);
        assert!(matters(&got[2]) && !matters(&got[0]) && !matters(&got[1]));
        // The watcher is gone.
        assert!(wait_for_change(&changes).is_none());
    }
}
