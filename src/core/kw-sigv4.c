/* kw-sigv4.c: placeholder, being written */
#include "config.h"
#include "kw-sigv4.h"
