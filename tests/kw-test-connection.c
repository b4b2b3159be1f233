/* kw-test-connection.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-connection.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

/* The private temporary folder kw_test_connection_init() made. */
static char *private_tmp;

/* GLib 2.74's g_test_expect_message() sees only what goes through g_log(),
 * and G_LOG_USE_STRUCTURED makes g_warning() structured. So Keyway's own
 * warnings are passed through g_log() once more, where an expected one is
 * swallowed and any other is still fatal. */
static GLogWriterOutput
expectable_writer_cb (GLogLevelFlags   log_level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         user_data)
{
  static GPrivate relogging = G_PRIVATE_INIT (NULL);
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) != 0 &&
      g_strcmp0 (domain, G_LOG_DOMAIN) == 0 &&
      message != NULL &&
      g_private_get (&relogging) == NULL)
    {
      g_private_set (&relogging, GINT_TO_POINTER (TRUE));
      g_log (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "%s", message);
      g_private_set (&relogging, NULL);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/**
 * kw_test_connection_init:
 *
 * kw_test_init(), in a temporary folder of the test's own, which the secret
 * search covers whole, instead of a /tmp shared with everything else on the
 * machine; and with Keyway's warnings open to g_test_expect_message().
 */
void
kw_test_connection_init (int    *argc,
                         char ***argv)
{
  const char *base = g_getenv ("TMPDIR");

  private_tmp = g_build_filename (base != NULL && *base != '\0' ? base : "/tmp",
                                  "keyway-test-connection-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (private_tmp));
  g_setenv ("TMPDIR", private_tmp, TRUE);

  g_log_set_writer_func (expectable_writer_cb, NULL, NULL);
  kw_test_init (argc, argv);
}

/* Runs the tests, then removes the temporary folder. */
int
kw_test_connection_run (void)
{
  int status = g_test_run ();

  remove_tree (private_tmp);
  g_clear_pointer (&private_tmp, g_free);

  return status;
}

/* Files */

char *
kw_test_write_text (const char *path,
                    const char *text)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_strdup (path);
}

char *
kw_test_user_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "keyway", "connections.ini", NULL);
}

char *
kw_test_read_text (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

/* Connections */

KwConnection *
kw_test_parse (const char  *text,
               char       **secret,
               GError     **error)
{
  return kw_connection_new_from_file_data (text, strlen (text), "test.keyway", secret, error);
}

KwConnection *
kw_test_parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  KwConnection *connection = kw_test_parse (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (connection);

  return connection;
}

/* The store */

gboolean
kw_test_store_add (KwConnectionStore  *store,
                   KwConnection       *connection,
                   gboolean            replace,
                   GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_store_add_async (store, connection, replace, NULL,
                                 kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_store_add_finish (store, result, error);
}

gboolean
kw_test_store_remove (KwConnectionStore  *store,
                      const char         *id,
                      KwSecretStore      *secrets,
                      GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_store_remove_async (store, id, secrets, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_store_remove_finish (store, result, error);
}

KwConnectionStore *
kw_test_store_new_loaded (void)
{
  g_autoptr(GError) error = NULL;
  KwConnectionStore *store = kw_connection_store_new (NULL, NULL);

  kw_connection_store_load (store, &error);
  g_assert_no_error (error);

  return store;
}

/* Records items-changed as "pos-removed+added" entries, and checks that the
 * file already holds every connection the model shows when it is emitted. */
void
kw_test_items_changed_cb (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          gpointer    user_data)
{
  GString *log = user_data;
  g_autofree char *path = kw_test_user_file ();
  g_autofree char *contents = kw_test_read_text (path);

  g_string_append_printf (log, "%s%u-%u+%u", log->len > 0 ? " " : "", position, removed, added);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KwConnection) connection = g_list_model_get_item (model, i);
      g_autofree char *group = g_strdup_printf ("[%s]", kw_connection_get_id (connection));

      if (kw_connection_get_origin (connection) == KW_CONNECTION_ORIGIN_USER)
        g_assert_true (contents != NULL && strstr (contents, group) != NULL);
    }
}

/* The keyring */

/* A 32-character secret no other test binary can have written anywhere. */
char *
kw_test_unique_secret (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *secret = g_string_new ("Kw");

  for (const char *p = uuid; *p != '\0'; p++)
    {
      if (*p != '-')
        g_string_append_c (secret, *p);
    }

  return g_string_free (secret, FALSE);
}

static char *
secret_lookup (KwSecretStore *secrets,
               KwSecretKind   kind,
               GHashTable    *attributes)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  kw_secret_store_lookup_async (secrets, kind, attributes, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  secret = kw_secret_store_lookup_finish (secrets, result, &error);
  g_assert_no_error (error);

  return secret;
}

char *
kw_test_client_secret_lookup (KwSecretStore *secrets,
                              const char    *region,
                              const char    *client_id)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (region, client_id);

  return secret_lookup (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes);
}

void
kw_test_secret_store (KwSecretStore *secrets,
                      KwSecretKind   kind,
                      GHashTable    *attributes,
                      const char    *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_secret_store_store_async (secrets, kind, attributes, "Keyway test", secret, NULL,
                               kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  kw_secret_store_store_finish (secrets, result, &error);
  g_assert_no_error (error);
}
