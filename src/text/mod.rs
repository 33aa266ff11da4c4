//! Pure text handling: shaping, bidi layout, sanitising and folding.
//!
//! Placeholder from the `text` branch; the lead's version replaces it.

mod arabic_tables;
pub mod bidi;
pub mod layout;
pub mod shape;
