"""Machine-translation providers behind one small protocol."""
