#include <fcntl.h>
#include <unistd.h>
#include "standard_streams.h"

static int closed_at_start = 0;

static int hold_if_closed(int descriptor) {
    if (fcntl(descriptor, F_GETFD) != -1) return 0;
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0 && null != descriptor) {
        dup2(null, descriptor);
        close(null);
    }
    return 1;
}

__attribute__((constructor)) static void tp_check_standard_streams(void) {
    closed_at_start = hold_if_closed(STDOUT_FILENO) | (hold_if_closed(STDERR_FILENO) << 1);
}

int tp_streams_closed_at_start(void) { return closed_at_start; }
