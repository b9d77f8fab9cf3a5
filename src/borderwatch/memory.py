"""How the server's C allocator hands freed memory back to the system (glibc's malloc)."""

from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3
"""glibc's `mallopt` parameter: blocks of this many bytes or more get a mapping of their own."""
LARGE_BLOCK = 128 * 1024
"""glibc's own starting threshold, kept fixed (`hand_back_large_blocks`)."""


def hand_back_large_blocks(threshold: int = LARGE_BLOCK) -> bool:
    """Serve every block of `threshold` bytes or more from a mapping of its own, which
    `free` returns to the system at once. True where set (glibc), False elsewhere.

    glibc raises this threshold to the size of each large block freed (up to 32 MiB), so
    after the first page arrays of hundreds of KiB to MiB (spaCy's and thinc's, most likely)
    come from the arenas instead; Streamlit runs each page on a new thread, glibc gives
    threads up to eight arenas a core, and what those arrays leave behind stays resident:
    the server grew 8–12 MB at every run of the Add events page, the same text or a new
    one, with nothing Python kept growing. A fixed threshold keeps it flat (docs/ingest.md).
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):  # not glibc (macOS has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, threshold))
