/* kw-aws-config.c: placeholder, being written */
#include "config.h"
#include "kw-aws-config.h"
