/* test-audit-log.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-utils.h"

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  return g_test_run ();
}
