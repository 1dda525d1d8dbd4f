"""Pure domain logic: no I/O, no UI libraries, no imports from the other integtool packages."""
