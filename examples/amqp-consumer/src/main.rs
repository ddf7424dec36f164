//! Placeholder: the consumer is being written.
fn main() {}
