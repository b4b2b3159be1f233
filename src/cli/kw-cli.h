/* kw-cli.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "kw-cognito-client.h"

G_BEGIN_DECLS

/* Exit statuses, as the AWS CLI uses them, so scripts port over. */
#define KW_CLI_EXIT_OK            0
#define KW_CLI_EXIT_INTERRUPTED 130
#define KW_CLI_EXIT_USAGE       252
#define KW_CLI_EXIT_SERVICE     254
#define KW_CLI_EXIT_OTHER       255

typedef enum
{
  KW_CLI_OUTPUT_JSON,
  KW_CLI_OUTPUT_TEXT,
} KwCliOutput;

typedef enum
{
  KW_CLI_VALUE,       /* --name VALUE */
  KW_CLI_FLAG,        /* --name */
  KW_CLI_REPEATED,    /* --name VALUE, any number of times */
} KwCliOptionKind;

typedef struct
{
  const char      *name;       /* without the leading dashes */
  KwCliOptionKind  kind;
  gboolean         required;
  const char      *placeholder;
} KwCliOption;

typedef struct
{
  const char         *name;
  KwCognitoOperation  operation;
  const char         *summary;
  const KwCliOption  *options;   /* ended by an option with a NULL name */
  gboolean            reads_password;
} KwCliCommand;

typedef struct
{
  char              *region;
  char              *endpoint_url;
  char              *profile;
  KwCliOutput        output;
  guint              timeout;
  gboolean           debug;
  gboolean           help;
  gboolean           version;
  const KwCliCommand *command;
  GHashTable        *values;     /* option name → last value ("" for flags) */
  GHashTable        *repeated;   /* option name → GPtrArray of values */
} KwCliInvocation;

/* kw-cli-args.c */
const KwCliCommand *kw_cli_get_commands      (guint              *n_commands);
KwCliInvocation    *kw_cli_parse             (int                 argc,
                                              char              **argv,
                                              const KwCliCommand **command,
                                              GError            **error);
void                kw_cli_invocation_free   (KwCliInvocation    *invocation);
const char         *kw_cli_get               (KwCliInvocation    *invocation,
                                              const char         *option);
GPtrArray          *kw_cli_get_all           (KwCliInvocation    *invocation,
                                              const char         *option);
void                kw_cli_print_usage       (FILE               *stream,
                                              const KwCliCommand *command);

/* kw-cli-commands.c */
int                 kw_cli_run               (KwCliInvocation    *invocation);

/* kw-cli-output.c */
JsonNode           *kw_cli_delivery_to_json  (const KwCodeDeliveryDetails *details);
JsonNode           *kw_cli_user_to_json      (const KwCognitoUser         *user,
                                              const char                  *attributes_member);
void                kw_cli_print             (JsonNode           *node,
                                              KwCliOutput         output);
int                 kw_cli_report_error      (const GError       *error,
                                              KwCognitoOperation  operation,
                                              const char         *endpoint);

/* kw-cli-password.c */
char               *kw_cli_read_password     (const char         *prompt,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwCliInvocation, kw_cli_invocation_free)

G_END_DECLS
