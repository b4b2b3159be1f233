/* kw-cli-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* What the connection and secret commands share: the store, finding a
 * connection by what a person typed, waiting on the keyring, and turning
 * connection and keyring failures into one line and an exit status. */

static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));

  return G_SOURCE_CONTINUE;
}

/**
 * kw_cli_get_cancellable:
 *
 * The process's one cancellable: Ctrl+C cancels whatever is running, a
 * Cognito call or a keyring request, so the command ends with status 130.
 *
 * Returns: (transfer none): the cancellable
 */
GCancellable *
kw_cli_get_cancellable (void)
{
  static GCancellable *cancellable;

  if (cancellable == NULL)
    {
      cancellable = g_cancellable_new ();
      g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
    }

  return cancellable;
}

/* A process runs one command, so waiting by spinning the main context is
 * as good as a main loop, and keeps each command a straight line. */
void
kw_cli_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

void
kw_cli_store_result_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GAsyncResult **store = user_data;

  *store = g_object_ref (result);
}

/**
 * kw_cli_open_store:
 * @status: (out): the exit status when the store cannot be read
 *
 * Returns: (transfer full) (nullable): the loaded connections
 */
KwConnectionStore *
kw_cli_open_store (int *status)
{
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(GError) error = NULL;

  if (!kw_connection_store_load (store, &error))
    {
      *status = kw_cli_report_local_error (error, NULL);
      return NULL;
    }

  g_debug ("Connections file %s, %u connections", kw_connection_store_get_user_file (store),
           g_list_model_get_n_items (G_LIST_MODEL (store)));

  return g_steal_pointer (&store);
}

/**
 * kw_cli_find_connection:
 * @status: (out): the exit status when there is no such connection
 *
 * Finds the connection named by --connection: by id, or else by its exact
 * display name when only one connection has it.
 *
 * Returns: (transfer full) (nullable): the connection
 */
KwConnection *
kw_cli_find_connection (KwCliInvocation   *invocation,
                        KwConnectionStore *store,
                        int               *status)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(KwConnection) found = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n_named = 0;
  KwConnection *connection;

  connection = kw_connection_store_lookup (store, invocation->connection);
  if (connection != NULL)
    return g_object_ref (connection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KwConnection) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (kw_connection_get_name (item), invocation->connection) == 0)
        {
          n_named++;
          g_set_object (&found, item);
        }
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", kw_connection_get_id (item));
    }

  if (n_named == 1)
    return g_steal_pointer (&found);

  if (ids->len == 0)
    message = g_strdup_printf ("argument --connection: there is no connection '%s': none is "
                               "saved yet. Add one with 'keyway-cli connection add' or "
                               "'keyway-cli connection import'", invocation->connection);
  else if (n_named > 1)
    message = g_strdup_printf ("argument --connection: several connections are named '%s': "
                               "give the id instead (known ids: %s)",
                               invocation->connection, ids->str);
  else
    message = g_strdup_printf ("argument --connection: there is no connection '%s' "
                               "(known ids: %s)", invocation->connection, ids->str);

  *status = kw_cli_usage_failure (invocation, message);
  return NULL;
}

/* One line: the core's sentence, then what to do about it. */
static void
print_with_hint (const char *message,
                 const char *hint)
{
  gboolean ends_sentence = g_str_has_suffix (message, ".") || g_str_has_suffix (message, "?");

  fprintf (stderr, "%s%s%s%s\n", message, ends_sentence ? "" : ".", hint != NULL ? " " : "",
           hint != NULL ? hint : "");
}

/**
 * kw_cli_report_local_error:
 * @connection: (nullable): the connection the command was about
 *
 * Prints one line about a connection, keyring or file failure on standard
 * error: the core's message, which names the file, key and line for a bad
 * file, and what to do about it.
 *
 * Returns: the exit status for it
 */
int
kw_cli_report_local_error (const GError *error,
                           KwConnection *connection)
{
  const char *id = connection != NULL ? kw_connection_get_id (connection) : "NAME";
  g_autofree char *hint = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fprintf (stderr, "\nInterrupted: nothing more was changed.\n");
      return KW_CLI_EXIT_INTERRUPTED;
    }

  /* The core's messages say what the keyring did ("No keyring is
   * available: …"); the hint says what to do. */
  if (error->domain == KW_SECRET_ERROR)
    {
      switch ((KwSecretError) error->code)
        {
        case KW_SECRET_ERROR_UNAVAILABLE:
          print_with_hint (error->message, "Keyway keeps secrets only in the keyring (a Secret "
                                           "Service such as GNOME Keyring, or the Secret "
                                           "portal) and never writes them to a file: start or "
                                           "unlock a keyring and try again.");
          break;
        case KW_SECRET_ERROR_LOCKED:
          print_with_hint (error->message, "Unlock the keyring and try again.");
          break;
        case KW_SECRET_ERROR_MALFORMED:
          hint = g_strdup_printf ("Store the secret again with 'keyway-cli secret set "
                                  "--connection %s'.", id);
          print_with_hint (error->message, hint);
          break;
        case KW_SECRET_ERROR_FAILED:
        default:
          print_with_hint (error->message, NULL);
          break;
        }
      return KW_CLI_EXIT_OTHER;
    }

  if (error->domain == KW_CONNECTION_ERROR)
    {
      switch ((KwConnectionError) error->code)
        {
        case KW_CONNECTION_ERROR_EXISTS:
          print_with_hint (error->message, "Use --replace to replace it.");
          break;
        case KW_CONNECTION_ERROR_READ_ONLY:
          print_with_hint (error->message, "System-wide connections are managed by the "
                                           "administrator.");
          break;
        case KW_CONNECTION_ERROR_SECRET_MISSING:
          hint = g_strdup_printf ("Store it with 'keyway-cli secret set --connection %s', or "
                                  "set KEYWAY_CLIENT_SECRET for one command.", id);
          print_with_hint (error->message, hint);
          break;
        case KW_CONNECTION_ERROR_CREDENTIALS_MISSING:
          if (connection != NULL &&
              kw_connection_get_credentials_source (connection) == KW_CREDENTIALS_SOURCE_KEYRING)
            hint = g_strdup_printf ("Store them with 'keyway-cli secret set --connection %s "
                                    "--aws-keys'.", id);
          print_with_hint (error->message, hint);
          break;
        case KW_CONNECTION_ERROR_PARSE:
        case KW_CONNECTION_ERROR_MISSING_KEY:
        case KW_CONNECTION_ERROR_INVALID_VALUE:
        case KW_CONNECTION_ERROR_NOT_FOUND:
        case KW_CONNECTION_ERROR_IO:
        default:
          print_with_hint (error->message, NULL);
          break;
        }
      return KW_CLI_EXIT_OTHER;
    }

  fprintf (stderr, "%s\n", error->message);
  return KW_CLI_EXIT_OTHER;
}

/**
 * kw_cli_lookup_secret:
 *
 * Asks the keyring for one item and waits for the answer.
 *
 * Returns: (transfer full) (nullable): the secret, %NULL with no error when
 *   there is none; free it with kw_secret_free()
 */
char *
kw_cli_lookup_secret (KwSecretStore  *secrets,
                      KwSecretKind    kind,
                      GHashTable     *attributes,
                      GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_secret_store_lookup_async (secrets, kind, attributes, kw_cli_get_cancellable (),
                                kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);

  return kw_secret_store_lookup_finish (secrets, result, error);
}

/**
 * kw_cli_store_secret:
 *
 * Stores one keyring item and waits until the keyring has it.
 */
gboolean
kw_cli_store_secret (KwSecretStore  *secrets,
                     KwSecretKind    kind,
                     GHashTable     *attributes,
                     const char     *label,
                     const char     *secret,
                     GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_secret_store_store_async (secrets, kind, attributes, label, secret,
                               kw_cli_get_cancellable (), kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);

  return kw_secret_store_store_finish (secrets, result, error);
}

/**
 * kw_cli_clear_secret:
 *
 * Removes one keyring item, if there is one, and waits until it is gone.
 */
gboolean
kw_cli_clear_secret (KwSecretStore  *secrets,
                     KwSecretKind    kind,
                     GHashTable     *attributes,
                     GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  kw_secret_store_clear_async (secrets, kind, attributes, kw_cli_get_cancellable (),
                               kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);

  /* Like libsecret, FALSE with no error only means there was nothing to clear. */
  if (!kw_secret_store_clear_finish (secrets, result, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * kw_cli_aws_keys_item:
 *
 * The keyring item of a connection's AWS keys: named by the connection's id
 * and its access key id, where kw_connection_create_client_async() looks.
 *
 * Returns: (transfer full): the item's attributes
 */
GHashTable *
kw_cli_aws_keys_item (KwConnection *connection)
{
  return kw_secret_attributes_for_aws_keys (kw_connection_get_id (connection),
                                            kw_connection_get_access_key_id (connection));
}
