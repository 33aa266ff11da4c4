//! Intelligence over stored articles: named entities (and, later, related
//! stories). Pure code: no I/O beyond data compiled into the binary.

pub mod ner;
