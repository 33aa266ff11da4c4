//! Pure text functions: sanitising, direction, Arabic folding, shaping and
//! bidi layout. Nothing here does I/O, so all of it is tested in isolation.

mod arabic_tables;
pub mod bidi;
pub mod direction;
pub mod fold;
pub mod layout;
pub mod links;
pub mod normalize;
pub mod sanitize;
pub mod shape;
