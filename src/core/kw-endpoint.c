/* kw-endpoint.c: placeholder, being written */
#include "config.h"
#include "kw-endpoint.h"
