/* test-connection-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The connection store: the user's and the system's files, the list model,
 * and the queue of changes. */

#include "config.h"

#include "kw-connection-store.h"
#include "kw-test-connection.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

/* Helpers */

/* The ids the model shows, in order: "a,b,c". */
static char *
model_ids (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KwConnection) connection = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", kw_connection_get_id (connection));
    }

  return g_strdup (ids->str);
}

/* The store */

static void
test_file_modes (void)
{
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(KwConnection) connection = kw_test_parse_ok (MINIMAL_FILE ("modes", "Modes"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kw_test_user_file ();
  g_autofree char *folder = g_path_get_dirname (path);
  GStatBuf info;

  kw_test_store_add (store, connection, FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  /* A file someone made readable by others is 0600 again once rewritten. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  kw_test_store_remove (store, "modes", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static void
test_system_and_user (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autofree char *first = g_build_filename (dirs[0], "keyway", "connections.ini", NULL);
  g_autofree char *second = g_build_filename (dirs[1], "keyway", "connections.ini", NULL);
  g_autofree char *path = kw_test_user_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) replacement = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  KwConnection *found;

  g_assert_nonnull (dirs[0]);
  g_assert_nonnull (dirs[1]);

  g_free (kw_test_write_text (first,
                              "[shared]\nName=First shared\nRegion=us-east-1\nClientId=a\n"));
  g_free (kw_test_write_text (second,
                              "[shared]\nName=Second shared\nRegion=us-east-1\nClientId=b\n"
                              "[mine]\nName=System mine\nRegion=us-east-1\nClientId=c\n"
                              "[site]\nName=Site\nRegion=us-east-1\nClientId=d\n"));
  g_free (kw_test_write_text (path, "[mine]\nName=My own\nRegion=eu-west-1\nClientId=e\n"));

  store = kw_test_store_new_loaded ();
  g_signal_connect (store, "items-changed", G_CALLBACK (kw_test_items_changed_cb), changes);

  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "shared,mine,site");

  found = kw_connection_store_lookup (store, "shared");
  g_assert_cmpstr (kw_connection_get_name (found), ==, "First shared");
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_SYSTEM);
  found = kw_connection_store_lookup (store, "mine");
  g_assert_cmpstr (kw_connection_get_name (found), ==, "My own");
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_USER);

  /* System connections are read-only, whichever way one asks. */
  before = kw_test_read_text (path);
  g_assert_false (kw_test_store_remove (store, "shared", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);

  replacement = kw_test_parse_ok (MINIMAL_FILE ("shared", "Hijacked"));
  g_assert_false (kw_test_store_add (store, replacement, TRUE, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (kw_test_store_add (store, replacement, FALSE, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);

  after = kw_test_read_text (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_cmpstr (kw_connection_get_name (kw_connection_store_lookup (store, "shared")), ==,
                   "First shared");

  /* Removing the user's own brings back the system connection it hid. */
  g_assert_true (kw_test_store_remove (store, "mine", NULL, &error));
  g_assert_no_error (error);
  found = kw_connection_store_lookup (store, "mine");
  g_assert_cmpstr (kw_connection_get_name (found), ==, "System mine");
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_SYSTEM);
  g_clear_pointer (&ids, g_free);
  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "shared,site,mine");
  g_assert_cmpstr (changes->str, ==, "1-1+0 2-0+1");

  g_assert_false (kw_test_store_remove (store, "mine", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (kw_test_store_remove (store, "nowhere", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_NOT_FOUND);
}

static void
test_malformed_user_file (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autofree char *system = g_build_filename (dirs[0], "keyway", "connections.ini", NULL);
  g_autofree char *path = kw_test_user_file ();
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(KwConnection) connection = kw_test_parse_ok (MINIMAL_FILE ("new", "New"));
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *contents = NULL;
  static const char broken[] = "[mine]\nName=Mine\nRegion=us-east-1\nClientId=a\n"
                               "[typo]\nName=Typo\nRegion=us-east-1\nClientId=a b\n";

  g_free (kw_test_write_text (system, "[site]\nName=Site\nRegion=us-east-1\nClientId=d\n"));
  g_free (kw_test_write_text (path, broken));

  g_assert_false (kw_connection_store_load (store, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "line 8"));
  g_clear_error (&error);

  /* None of it is used, and none of it is overwritten. */
  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "site");

  g_assert_false (kw_test_store_add (store, connection, FALSE, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  contents = kw_test_read_text (path);
  g_assert_cmpstr (contents, ==, broken);
}

static void
test_malformed_system_file (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autofree char *first = g_build_filename (dirs[0], "keyway", "connections.ini", NULL);
  g_autofree char *second = g_build_filename (dirs[1], "keyway", "connections.ini", NULL);
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  g_free (kw_test_write_text (first, "[broken]\nName=Broken\nRegion=nowhere\nClientId=a\n"));
  g_free (kw_test_write_text (second, "[site]\nName=Site\nRegion=us-east-1\nClientId=d\n"));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*system-config1*line 3*Region*");
  g_assert_true (kw_connection_store_load (store, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "site");
}

static void
test_model (void)
{
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  struct { const char *id, *name; } added[] = {
    { "b", "Beta" }, { "a", "Alpha" }, { "g", "Gamma" }, { "s2", "Same" }, { "s1", "Same" },
  };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == KW_TYPE_CONNECTION);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 0));
  g_signal_connect (store, "items-changed", G_CALLBACK (kw_test_items_changed_cb), changes);

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autofree char *text = g_strdup_printf ("[Connection]\nId=%s\nName=%s\n"
                                               "Region=us-east-1\nClientId=c\n",
                                               added[i].id, added[i].name);
      g_autoptr(KwConnection) connection = kw_test_parse_ok (text);

      g_assert_true (kw_test_store_add (store, connection, FALSE, &error));
      g_assert_no_error (error);
    }

  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "a,b,g,s1,s2");
  g_assert_cmpstr (changes->str, ==, "0-0+1 0-0+1 2-0+1 3-0+1 3-0+1");

  /* Renamed in place, and renamed so that it moves. */
  g_string_truncate (changes, 0);
  {
    g_autoptr(KwConnection) same_place = kw_test_parse_ok ("[Connection]\nId=b\nName=Bravo\n"
                                                           "Region=us-east-1\nClientId=c\n");
    g_autoptr(KwConnection) moved = kw_test_parse_ok ("[Connection]\nId=b\nName=Omega\n"
                                                      "Region=us-east-1\nClientId=c\n");

    g_assert_true (kw_test_store_add (store, same_place, TRUE, &error));
    g_assert_no_error (error);
    g_assert_true (kw_test_store_add (store, moved, TRUE, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&ids, g_free);
  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "a,g,b,s1,s2");
  g_assert_cmpstr (changes->str, ==, "1-1+1 1-1+0 2-0+1");

  g_string_truncate (changes, 0);
  g_assert_true (kw_test_store_remove (store, "a", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes->str, ==, "0-1+0");

  /* A change that fails changes nothing, and says nothing. */
  g_string_truncate (changes, 0);
  g_assert_false (kw_test_store_remove (store, "a", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_NOT_FOUND);
  g_assert_cmpstr (changes->str, ==, "");
}

/* Someone typed a secret into connections.ini: it is not used, and the next
 * save drops it. */
static void
test_secret_in_ini (void)
{
  g_autofree char *path = kw_test_user_file ();
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(KwConnection) other = kw_test_parse_ok (MINIMAL_FILE ("other", "Other"));
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_free (kw_test_write_text (path, "[typed]\nName=Typed\nRegion=us-east-1\nClientId=a\n"
                                    "ClientSecret=" TEST_CLIENT_SECRET "\n"));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*connections.ini*ClientSecret*");
  g_assert_true (kw_connection_store_load (store, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_true (kw_connection_get_has_client_secret (kw_connection_store_lookup (store,
                                                                                  "typed")));

  g_assert_true (kw_test_store_add (store, other, FALSE, &error));
  g_assert_no_error (error);
  contents = kw_test_read_text (path);
  g_assert_null (strstr (contents, TEST_CLIENT_SECRET));
  g_assert_nonnull (strstr (contents, "[typed]"));
  g_assert_nonnull (strstr (contents, "HasClientSecret=true"));
}

static void
test_cancelled (void)
{
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(KwConnection) connection = kw_test_parse_ok (MINIMAL_FILE ("late", "Late"));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kw_test_user_file ();

  g_cancellable_cancel (cancellable);
  kw_connection_store_add_async (store, connection, FALSE, cancellable,
                                 kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  g_assert_false (kw_connection_store_add_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

/* Changes asked for together are written one after the other, none lost. */
static void
test_concurrent_changes (void)
{
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(KwConnectionStore) reloaded = NULL;
  GAsyncResult *results[3] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  const char *names[] = { "One", "Two", "Three" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strdup_printf (MINIMAL_FILE ("c%u", "%s"), i, names[i]);
      g_autoptr(KwConnection) connection = kw_test_parse_ok (text);

      kw_connection_store_add_async (store, connection, FALSE, NULL,
                                     kw_test_store_result_cb, &results[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      kw_test_wait_result (&results[i]);
      g_assert_true (kw_connection_store_add_finish (store, results[i], &error));
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  reloaded = kw_test_store_new_loaded ();
  ids = model_ids (G_LIST_MODEL (reloaded));
  g_assert_cmpstr (ids, ==, "c0,c2,c1");
}

/* Main */

int
main (int    argc,
      char **argv)
{
  kw_test_connection_init (&argc, &argv);

  g_test_add_func ("/keyway/connection/file-modes", test_file_modes);
  g_test_add_func ("/keyway/connection/system-and-user", test_system_and_user);
  g_test_add_func ("/keyway/connection/malformed-user-file", test_malformed_user_file);
  g_test_add_func ("/keyway/connection/malformed-system-file", test_malformed_system_file);
  g_test_add_func ("/keyway/connection/model", test_model);
  g_test_add_func ("/keyway/connection/secret-in-ini", test_secret_in_ini);
  g_test_add_func ("/keyway/connection/cancelled", test_cancelled);
  g_test_add_func ("/keyway/connection/concurrent-changes", test_concurrent_changes);

  return kw_test_connection_run ();
}
