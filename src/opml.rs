//! OPML and newsboat `urls` import/export.
