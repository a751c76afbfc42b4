//! Time: temporal expressions resolved against a reference date.
