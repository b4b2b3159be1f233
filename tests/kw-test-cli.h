/* kw-test-cli.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-fake-cognito.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* What test-cli.c and test-cli-connection.c share. keyway-cli runs as a
 * real process; the fake Cognito it talks to runs in this process's main
 * context, which spins while the child works. */

typedef struct
{
  KwFakeCognito *fake;
  char          *url;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

/* AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of the fake's own keys. */
extern const char * const admin_env[];

void       cli_result_free  (CliResult          *result);

void       fixture_setup    (Fixture            *fixture,
                             gconstpointer       data);
void       fixture_teardown (Fixture            *fixture,
                             gconstpointer       data);

CliResult *run_cli          (const char * const *env,
                             const char         *input,
                             const char         *first_arg,
                             ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

G_END_DECLS
