/* test-connection-import.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing .keyway files into the store, and the client secrets that come
 * with them: into the keyring, never into a file, and out again with the
 * connection. */

#include "config.h"

#include "kw-connection-store.h"
#include "kw-libsecret-store.h"
#include "kw-memory-secret-store.h"
#include "kw-test-connection.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/* Helpers */

/* A .keyway file as if downloaded, in HOME/Downloads. */
static GFile *
write_keyway (const char *name,
              const char *text)
{
  g_autofree char *path = g_build_filename (g_get_home_dir (), "Downloads", name, NULL);

  g_free (kw_test_write_text (path, text));

  return g_file_new_for_path (path);
}

static KwConnection *
store_import (KwConnectionStore  *store,
              GFile              *file,
              KwSecretStore      *secrets,
              KwImportFlags       flags,
              GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_store_import_async (store, file, secrets, flags, NULL,
                                    kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_store_import_finish (store, result, error);
}

/* Every file under @root (symbolic links not followed); returns how many
 * were searched. */
static guint
assert_tree_lacks (const char *root,
                   const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;
  guint n_files = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      GStatBuf info;

      if (g_lstat (path, &info) != 0)
        continue;

      if (S_ISDIR (info.st_mode))
        n_files += assert_tree_lacks (path, needle);
      else if (S_ISREG (info.st_mode))
        {
          g_autofree char *contents = NULL;
          gsize length = 0;
          g_autoptr(GError) error = NULL;

          g_file_get_contents (path, &contents, &length, &error);
          g_assert_no_error (error);
          if (memmem (contents, length, needle, strlen (needle)) != NULL)
            g_error ("%s holds the client secret", path);
          n_files++;
        }
    }

  return n_files;
}

/* Importing */

static void
test_import_secret (void)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(KwSecretStore) fresh = NULL;
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = kw_test_unique_secret ();
  g_autofree char *client_id = kw_test_unique_secret ();
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *path = kw_test_user_file ();
  g_autofree char *contents = NULL;
  const char * const *system_dirs = g_get_system_config_dirs ();
  const char *roots[] = {
    g_get_user_config_dir (), g_get_user_state_dir (), g_get_user_cache_dir (),
    g_get_user_data_dir (), g_get_user_runtime_dir (), g_get_home_dir (),
    system_dirs[0], system_dirs[1], g_get_tmp_dir (),
  };
  guint n_files = 0;

  text = g_strdup_printf ("[Connection]\nId=secretive\nName=Secretive\nRegion=us-east-1\n"
                          "ClientId=%s\nClientSecret=%s\n", client_id, secret);
  file = write_keyway ("secretive.keyway", text);

  imported = store_import (store, file, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (kw_connection_get_has_client_secret (imported));
  g_assert_cmpint (kw_connection_get_origin (imported), ==, KW_CONNECTION_ORIGIN_USER);
  g_assert_true (kw_connection_store_lookup (store, "secretive") == imported);

  /* The keyring has it, as another process would see it. */
  fresh = kw_libsecret_store_new ();
  stored = kw_test_client_secret_lookup (fresh, "us-east-1", client_id);
  g_assert_cmpstr (stored, ==, secret);

  contents = kw_test_read_text (path);
  g_assert_nonnull (strstr (contents, "HasClientSecret=true"));

  /* The file handed out is the person's own; everything else is searched. */
  g_assert_true (g_file_delete (file, NULL, NULL));
  exported = kw_connection_to_file_data (imported);
  g_assert_null (memmem (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                         secret, strlen (secret)));

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    n_files += assert_tree_lacks (roots[i], secret);
  g_assert_cmpuint (n_files, >, 0);

  /* Removing the connection takes the secret out of the keyring too. */
  g_assert_true (kw_test_store_remove (store, "secretive", secrets, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, kw_secret_free);
  stored = kw_test_client_secret_lookup (fresh, "us-east-1", client_id);
  g_assert_null (stored);
}

static void
test_import_duplicate (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(GFile) first = write_keyway ("first.keyway", MINIMAL_FILE ("dup", "First"));
  g_autoptr(GFile) second = write_keyway ("second.keyway", MINIMAL_FILE ("dup", "Second"));
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kw_test_user_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  imported = store_import (store, first, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&imported);
  before = kw_test_read_text (path);
  g_signal_connect (store, "items-changed", G_CALLBACK (kw_test_items_changed_cb), changes);

  imported = store_import (store, second, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_EXISTS);
  g_clear_error (&error);
  after = kw_test_read_text (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_cmpstr (kw_connection_get_name (kw_connection_store_lookup (store, "dup")), ==,
                   "First");

  imported = store_import (store, second, secrets, KW_IMPORT_FLAGS_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_connection_get_name (imported), ==, "Second");
  g_assert_cmpstr (kw_connection_get_name (kw_connection_store_lookup (store, "dup")), ==,
                   "Second");
  g_assert_cmpstr (changes->str, ==, "0-1+1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
}

static void
test_import_errors_name_file (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(GFile) bad = write_keyway ("acme.keyway", "[Connection]\nId=acme\nName=Acme\n"
                                       "Region=us-east-99x\nClientId=a\n");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/keyway/missing.keyway");
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kw_test_user_file ();

  imported = store_import (store, bad, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "acme.keyway, line 4: Region “us-east-99x”"));
  g_clear_error (&error);

  imported = store_import (store, missing, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.keyway"));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_import_keyring_failure (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(KwConnection) kept = kw_test_parse_ok (MINIMAL_FILE ("kept", "Kept"));
  g_autoptr(GFile) file = write_keyway ("secret.keyway", MINIMAL_FILE ("new", "New")
                                        "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kw_test_user_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;

  kw_test_store_add (store, kept, FALSE, &error);
  g_assert_no_error (error);
  before = kw_test_read_text (path);
  g_signal_connect (store, "items-changed", G_CALLBACK (kw_test_items_changed_cb), changes);

  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (secrets),
                                      KW_SECRET_ERROR_UNAVAILABLE);
  imported = store_import (store, file, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE);
  g_assert_null (strstr (error->message, TEST_CLIENT_SECRET));

  after = kw_test_read_text (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_null (kw_connection_store_lookup (store, "new"));

  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (secrets), -1);
  stored = kw_test_client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_null (stored);
}

/* The secret is stored, then saving the connection fails: the keyring gets
 * back what it had. A file where the folder should be makes the write fail
 * even for root. */
static void
test_import_write_failure (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autofree char *blocker = g_build_filename (g_get_home_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "connections.ini", NULL);
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (path, NULL);
  g_autoptr(GFile) file = write_keyway ("secret.keyway", MINIMAL_FILE ("new", "New")
                                        "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(GFile) other = write_keyway ("other.keyway", MINIMAL_FILE ("other", "Other")
                                         "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1", TEST_CLIENT);
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_free (kw_test_write_text (blocker, "not a folder"));
  g_assert_true (kw_connection_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_connection_store_get_user_file (store), ==, path);

  imported = store_import (store, file, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  g_clear_error (&error);
  stored = kw_test_client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_null (stored);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  /* A secret that was there before comes back. */
  kw_test_secret_store (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                        "the-old-secret-0123456789");
  imported = store_import (store, other, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  stored = kw_test_client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_cmpstr (stored, ==, "the-old-secret-0123456789");
}

static void
test_remove_secret (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(GFile) one = write_keyway ("one.keyway", MINIMAL_FILE ("one", "One")
                                       "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(GFile) two = write_keyway ("two.keyway", MINIMAL_FILE ("two", "Two")
                                       "HasClientSecret=true\n");
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  imported = store_import (store, one, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&imported);
  imported = store_import (store, two, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (kw_connection_get_has_client_secret (imported));

  /* Both use the same client: its secret stays while one of them does. */
  g_assert_true (kw_test_store_remove (store, "one", secrets, &error));
  g_assert_no_error (error);
  stored = kw_test_client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_cmpstr (stored, ==, TEST_CLIENT_SECRET);
  g_clear_pointer (&stored, kw_secret_free);

  /* A keyring failure does not undo the removal. */
  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (secrets),
                                      KW_SECRET_ERROR_LOCKED);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*“two”*keyring*");
  g_assert_true (kw_test_store_remove (store, "two", secrets, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_null (kw_connection_store_lookup (store, "two"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

/* Main */

int
main (int    argc,
      char **argv)
{
  kw_test_connection_init (&argc, &argv);

  g_test_add_func ("/keyway/connection/import-secret", test_import_secret);
  g_test_add_func ("/keyway/connection/import-duplicate", test_import_duplicate);
  g_test_add_func ("/keyway/connection/import-errors", test_import_errors_name_file);
  g_test_add_func ("/keyway/connection/import-keyring-failure", test_import_keyring_failure);
  g_test_add_func ("/keyway/connection/import-write-failure", test_import_write_failure);
  g_test_add_func ("/keyway/connection/remove-secret", test_remove_secret);

  return kw_test_connection_run ();
}
