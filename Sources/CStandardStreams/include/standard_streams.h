#ifndef STANDARD_STREAMS_H
#define STANDARD_STREAMS_H

/// Bit 1: standard output was closed when the process started; bit 2: standard error was.
/// Checked before anything else runs (a constructor), when a closed descriptor's number is still free; it is
/// then held by /dev/null, so no file the program opens takes that number and receives its output.
int tp_streams_closed_at_start(void);

#endif
