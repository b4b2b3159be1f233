/* kw-cli.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "kw-aws-credentials.h"
#include "kw-cognito-client.h"
#include "kw-connection-store.h"
#include "kw-helpdesk.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

/* Exit statuses, as the AWS CLI uses them, so scripts port over. */
#define KW_CLI_EXIT_OK               0
#define KW_CLI_EXIT_INTERRUPTED    130
#define KW_CLI_EXIT_USAGE          252
#define KW_CLI_EXIT_SERVICE        254
#define KW_CLI_EXIT_OTHER          255
/* Keyway's own: check-password found the password not acceptable. A
 * result, not an error, as grep finding nothing is. */
#define KW_CLI_EXIT_NOT_ACCEPTABLE   1

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
  gboolean         from_connection; /* --connection can supply it instead */
} KwCliOption;

typedef struct _KwCliInvocation KwCliInvocation;

typedef struct
{
  const char         *name;      /* "forgot-password", or "connection list" for a group */
  KwCognitoOperation  operation; /* for Cognito calls only */
  const char         *summary;
  const KwCliOption  *options;   /* ended by an option with a NULL name */
  gboolean            reads_password;
  int               (*run) (KwCliInvocation *invocation); /* local commands; NULL for calls */
  gboolean            needs_connection;
  const char         *details;   /* more help, after the summary */
  gboolean            is_group;  /* "connection": names a group of commands, runs nothing */
  gboolean            keyway_own; /* not an AWS CLI command: its output is Keyway's own */
} KwCliCommand;

struct _KwCliInvocation
{
  char              *region;
  char              *endpoint_url;
  char              *profile;
  char              *connection;  /* --connection: a saved connection's id or name */
  KwCliOutput        output;
  guint              timeout;
  gboolean           debug;
  gboolean           help;
  gboolean           version;
  const KwCliCommand *command;
  GHashTable        *values;     /* option name → last value ("" for flags) */
  GHashTable        *repeated;   /* option name → GPtrArray of values */
};

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
int                 kw_cli_usage_failure     (KwCliInvocation    *invocation,
                                              const char         *message);
KwCognitoClient    *kw_cli_open_client       (KwCliInvocation    *invocation,
                                              KwConnection      **connection,
                                              char              **actor,
                                              int                *status);
const char         *kw_cli_get_user_pool_id  (KwCliInvocation    *invocation,
                                              KwConnection       *connection);
char               *kw_cli_actor_for         (const KwAwsCredentials *credentials);

/* kw-cli-helpdesk.c: the helpdesk of the audited actions, and lookup-user */
KwHelpdesk         *kw_cli_new_helpdesk      (KwCognitoClient    *client,
                                              const char         *user_pool_id,
                                              KwConnection       *connection,
                                              const char         *actor);
int                 kw_cli_lookup_user       (KwCliInvocation    *invocation);

/* kw-cli-bulk.c */
int                 kw_cli_bulk_reset        (KwCliInvocation    *invocation);

/* kw-cli-connection.c: the connection commands */
int                 kw_cli_connection_list   (KwCliInvocation    *invocation);
int                 kw_cli_connection_show   (KwCliInvocation    *invocation);
int                 kw_cli_connection_add    (KwCliInvocation    *invocation);
int                 kw_cli_connection_remove (KwCliInvocation    *invocation);
int                 kw_cli_connection_import (KwCliInvocation    *invocation);
int                 kw_cli_connection_export (KwCliInvocation    *invocation);

/* kw-cli-secret.c: the secret commands, and a client for --connection */
int                 kw_cli_secret_set        (KwCliInvocation    *invocation);
int                 kw_cli_secret_clear      (KwCliInvocation    *invocation);
KwCognitoClient    *kw_cli_connect           (KwCliInvocation    *invocation,
                                              KwConnection      **connection,
                                              char              **actor,
                                              int                *status);

/* kw-cli-store.c: what the local commands share */
GCancellable       *kw_cli_get_cancellable   (void);
void                kw_cli_wait              (GAsyncResult      **result);
void                kw_cli_store_result_cb   (GObject            *object,
                                              GAsyncResult       *result,
                                              gpointer            user_data);
KwConnectionStore  *kw_cli_open_store        (int                *status);
KwConnection       *kw_cli_find_connection   (KwCliInvocation    *invocation,
                                              KwConnectionStore  *store,
                                              int                *status);
int                 kw_cli_report_local_error (const GError      *error,
                                              KwConnection       *connection);
char               *kw_cli_lookup_secret     (KwSecretStore      *secrets,
                                              KwSecretKind        kind,
                                              GHashTable         *attributes,
                                              GError            **error);
gboolean            kw_cli_store_secret      (KwSecretStore      *secrets,
                                              KwSecretKind        kind,
                                              GHashTable         *attributes,
                                              const char         *label,
                                              const char         *secret,
                                              GError            **error);
gboolean            kw_cli_clear_secret      (KwSecretStore      *secrets,
                                              KwSecretKind        kind,
                                              GHashTable         *attributes,
                                              GError            **error);
GHashTable         *kw_cli_aws_keys_item     (KwConnection       *connection);

/* kw-cli-output.c */
JsonNode           *kw_cli_delivery_to_json  (const KwCodeDeliveryDetails *details);
JsonNode           *kw_cli_user_to_json      (const KwCognitoUser         *user,
                                              const char                  *attributes_member);
void                kw_cli_print             (JsonNode           *node,
                                              KwCliOutput         output);
void                kw_cli_set_hints         (gboolean            hints);
char               *kw_cli_error_name        (const GError       *error);
int                 kw_cli_report_error      (const GError       *error,
                                              KwCognitoOperation  operation,
                                              const char         *endpoint,
                                              KwConnection       *connection);

/* kw-cli-password.c */
char               *kw_cli_read_password     (const char         *prompt,
                                              GError            **error);
char               *kw_cli_read_secret       (const char         *prompt,
                                              const char         *what,
                                              gboolean            optional,
                                              GError            **error);
int                 kw_cli_check_password    (KwCliInvocation    *invocation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwCliInvocation, kw_cli_invocation_free)

G_END_DECLS
