/* kw-cli-bulk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include "kw-bulk-reset.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* `admin-reset-user-passwords`, Keyway's own: AdminResetUserPassword over a
 * list of usernames through KwBulkReset, which paces itself under
 * throttling and audits every row. The result lists every row, the ones
 * never sent too (PENDING, after Ctrl+C), so that a rerun with the rows not
 * DONE finishes the job. */

/* Reads all of @stream; NULL with errno set when it fails. */
static char *
read_stream (FILE *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];
  size_t n_read;

  while ((n_read = fread (buffer, 1, sizeof buffer, stream)) > 0)
    g_string_append_len (text, buffer, n_read);

  if (ferror (stream))
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char **
read_usernames (KwCliInvocation  *invocation,
                char            **problem)
{
  const char *path = kw_cli_get (invocation, "usernames-file");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) usernames = NULL;

  if (g_str_equal (path, "-"))
    {
      text = read_stream (stdin);
      if (text == NULL)
        {
          *problem = g_strdup_printf ("argument --usernames-file: cannot read standard input: %s",
                                      g_strerror (errno));
          return NULL;
        }
    }
  else if (!g_file_get_contents (path, &text, NULL, &error))
    {
      *problem = g_strdup_printf ("argument --usernames-file: %s", error->message);
      return NULL;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      *problem = g_strdup_printf ("argument --usernames-file: '%s' is not UTF-8 text", path);
      return NULL;
    }

  usernames = kw_bulk_reset_parse_usernames (text);
  if (usernames[0] == NULL)
    {
      *problem = g_strdup_printf ("argument --usernames-file: '%s' has no usernames (one per "
                                  "line; blank lines and lines starting with # are skipped)",
                                  path);
      return NULL;
    }

  return g_steal_pointer (&usernames);
}

static gboolean
parse_concurrency (KwCliInvocation  *invocation,
                   guint            *concurrency,
                   char            **problem)
{
  const char *text = kw_cli_get (invocation, "concurrency");
  g_autoptr(GTypeClass) klass = g_type_class_ref (KW_TYPE_BULK_RESET);
  GParamSpecUInt *pspec = G_PARAM_SPEC_UINT (g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                                           "concurrency"));
  char *end = NULL;
  guint64 value;

  *concurrency = KW_BULK_RESET_DEFAULT_CONCURRENCY;
  if (text == NULL)
    return TRUE;

  value = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || value < pspec->minimum || value > pspec->maximum)
    {
      *problem = g_strdup_printf ("argument --concurrency: expected a whole number from %u to %u",
                                  pspec->minimum, pspec->maximum);
      return FALSE;
    }

  *concurrency = (guint) value;
  return TRUE;
}

/* One line that rewrites itself, for a person watching a terminal. */
static void
print_progress (guint done,
                guint failed,
                guint remaining)
{
  fprintf (stderr, "\rdone %u, failed %u, remaining %u\033[K", done, failed, remaining);
  fflush (stderr);
}

static void
progress_cb (KwBulkReset *bulk,
             guint        done,
             guint        failed,
             guint        remaining,
             gpointer     user_data)
{
  print_progress (done, failed, remaining);
}

static const char *
state_name (KwBulkRowState state)
{
  switch (state)
    {
    case KW_BULK_ROW_DONE:
      return "DONE";
    case KW_BULK_ROW_FAILED:
      return "FAILED";
    case KW_BULK_ROW_RUNNING:
      return "RUNNING";
    case KW_BULK_ROW_PENDING:
    default:
      return "PENDING";
    }
}

/* Absent members are left out of JSON, and are null in text so that each
 * row keeps its columns. */
static void
add_member (JsonBuilder *builder,
            const char  *member,
            const char  *value,
            gboolean     with_null)
{
  if (value == NULL && !with_null)
    return;

  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
results_to_json (KwBulkReset *bulk,
                 gboolean     with_null)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *rows = G_LIST_MODEL (bulk);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KwBulkResetRow) row = g_list_model_get_item (rows, i);
      KwBulkRowState state = kw_bulk_reset_row_get_state (row);
      const GError *error = kw_bulk_reset_row_get_error (row);
      g_autofree char *error_name = error != NULL ? kw_cli_error_name (error) : NULL;
      /* A row never sent has no answer of its own, only a throttled one. */
      const char *request_id = state != KW_BULK_ROW_PENDING
                                 ? kw_bulk_reset_row_get_request_id (row) : NULL;

      json_builder_begin_object (builder);
      add_member (builder, "Username", kw_bulk_reset_row_get_username (row), with_null);
      add_member (builder, "Status", state_name (state), with_null);
      add_member (builder, "Error", error_name, with_null);
      add_member (builder, "Message", error != NULL ? error->message : NULL, with_null);
      add_member (builder, "RequestId", request_id, with_null);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "Done");
  json_builder_add_int_value (builder, kw_bulk_reset_get_done (bulk));
  json_builder_set_member_name (builder, "Failed");
  json_builder_add_int_value (builder, kw_bulk_reset_get_failed (bulk));
  json_builder_set_member_name (builder, "Remaining");
  json_builder_add_int_value (builder, kw_bulk_reset_get_remaining (bulk));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * kw_cli_bulk_reset:
 *
 * `admin-reset-user-passwords --usernames-file PATH|- [--concurrency N]`
 *
 * Returns: 0 when every row is done, 254 when one failed, 130 after Ctrl+C
 */
int
kw_cli_bulk_reset (KwCliInvocation *invocation)
{
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwHelpdesk) helpdesk = NULL;
  g_autoptr(KwBulkReset) bulk = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *actor = NULL;
  g_auto(GStrv) usernames = NULL;
  gboolean show_progress = isatty (STDERR_FILENO);
  guint concurrency;
  int status = KW_CLI_EXIT_OK;

  /* Everything a person typed is checked before the network. */
  if (!parse_concurrency (invocation, &concurrency, &problem))
    return kw_cli_usage_failure (invocation, problem);
  usernames = read_usernames (invocation, &problem);
  if (usernames == NULL)
    return kw_cli_usage_failure (invocation, problem);

  client = kw_cli_open_client (invocation, &connection, &actor, &status);
  if (client == NULL)
    return status;

  /* Without credentials every row would fail the same way: say it once.
   * Who acts is known exactly when there are credentials. */
  if (actor == NULL)
    {
      g_autoptr(GError) missing = NULL;

      missing = kw_cognito_error_new_full (KW_COGNITO_ERROR_NO_CREDENTIALS, NULL, 0, NULL,
                                           "No AWS credentials were found");
      return kw_cli_report_error (missing, KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD, NULL,
                                  connection);
    }

  helpdesk = kw_cli_new_helpdesk (client, kw_cli_get_user_pool_id (invocation, connection),
                                  connection, actor);
  bulk = kw_bulk_reset_new (helpdesk, (const char * const *) usernames);
  kw_bulk_reset_set_concurrency (bulk, concurrency);
  g_debug ("Resetting %u users, at most %u at a time",
           g_list_model_get_n_items (G_LIST_MODEL (bulk)), concurrency);

  if (show_progress)
    {
      g_signal_connect (bulk, "progress", G_CALLBACK (progress_cb), NULL);
      print_progress (0, 0, kw_bulk_reset_get_remaining (bulk));
    }

  kw_bulk_reset_run_async (bulk, kw_cli_get_cancellable (), kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);
  kw_bulk_reset_run_finish (bulk, result, &error);

  if (show_progress)
    fputc ('\n', stderr);

  /* The results, even after Ctrl+C: they say which users are left. */
  node = results_to_json (bulk, invocation->output == KW_CLI_OUTPUT_TEXT);
  kw_cli_print (node, invocation->output);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fprintf (stderr, "Interrupted: %u users were not reset (Status PENDING). Requests already "
                       "sent finished; run the command again with the users not DONE.\n",
               kw_bulk_reset_get_remaining (bulk));
      return KW_CLI_EXIT_INTERRUPTED;
    }
  if (error != NULL)
    return kw_cli_report_error (error, KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD,
                                kw_cognito_client_get_endpoint (client), connection);

  if (kw_bulk_reset_get_failed (bulk) > 0)
    {
      fprintf (stderr, "%u of %u users could not be reset: see their Error and Message.\n",
               kw_bulk_reset_get_failed (bulk), g_list_model_get_n_items (G_LIST_MODEL (bulk)));
      return KW_CLI_EXIT_SERVICE;
    }

  return KW_CLI_EXIT_OK;
}
