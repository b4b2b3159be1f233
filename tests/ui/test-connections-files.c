/* test-connections-files.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-connections.h"
#include "kw-test-utils.h"

#include <string.h>

/* Importing and exporting connection files in the connections window,
 * through the functions its file choosers lead to. */

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_export (KwConnectionsFixture *fixture,
             gconstpointer         user_data)
{
  g_autoptr(KwConnection) connection = kw_test_connections_new ("acme", "Acme", TRUE);
  g_autoptr(KwConnection) read_back = NULL;
  g_autofree char *path = kw_test_connections_home_path ("acme.keyway");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *client_secret = NULL;
  gsize length = 0;

  kw_test_connections_save (fixture, connection, KW_TEST_SECRET);
  kw_test_connections_open_window (fixture);

  kw_connections_window_export_file (fixture->window,
                                     kw_connection_store_lookup (fixture->store, "acme"), file);
  kw_test_ui_wait_until (file_exists, path, "the exported file");
  kw_test_connections_wait_for_toast (fixture, "Exported to “acme.keyway”");

  /* The connection as it is, and never its secret. */
  g_assert_false (kw_test_file_contains (path, KW_TEST_SECRET));
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  read_back = kw_connection_new_from_file_data (contents, length, "acme.keyway", &client_secret,
                                                &error);
  g_assert_no_error (error);
  g_assert_null (client_secret);
  g_assert_cmpstr (kw_connection_get_id (read_back), ==, "acme");
  g_assert_cmpstr (kw_connection_get_name (read_back), ==, "Acme");
  g_assert_true (kw_connection_get_has_client_secret (read_back));
}

static void
test_export_fails (KwConnectionsFixture *fixture,
                   gconstpointer         user_data)
{
  g_autoptr(KwConnection) connection = kw_test_connections_new ("acme", "Acme", FALSE);
  g_autofree char *path = kw_test_connections_home_path ("missing/acme.keyway");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KwErrorDialog *dialog;

  kw_test_connections_save (fixture, connection, NULL);
  kw_test_connections_open_window (fixture);

  kw_connections_window_export_file (fixture->window,
                                     kw_connection_store_lookup (fixture->store, "acme"), file);
  kw_test_ui_wait_until (kw_test_connections_error_shown, NULL, "the error dialog");
  dialog = kw_test_connections_find_error ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Connections could not be saved or read");
  g_assert_true (kw_error_dialog_offers_action (dialog));
}

static void
test_import_malformed (KwConnectionsFixture *fixture,
                       gconstpointer         user_data)
{
  g_autofree char *path = kw_test_connections_home_path ("broken.keyway");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *secret = NULL;
  KwErrorDialog *dialog;

  g_file_set_contents (path,
                       "[Connection]\n"
                       "Id=acme\n"
                       "Name=Acme\n"
                       "ClientSecret=" KW_TEST_SECRET "\n"
                       "this line is not a key file's\n",
                       -1, &error);
  g_assert_no_error (error);
  kw_test_connections_open_window (fixture);

  kw_connections_window_import_file (fixture->window, file);
  kw_test_ui_wait_until (kw_test_connections_dialog_shown, NULL, "the error dialog");
  dialog = kw_test_connections_find_error ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Connection file damaged");
  /* The details name the file and the line, without quoting it. */
  details = kw_user_message_dup_details (kw_error_dialog_get_message (dialog));
  g_assert_nonnull (strstr (details, "broken.keyway"));
  g_assert_null (strstr (details, KW_TEST_SECRET));
  kw_test_ui_screenshot (GTK_WINDOW (dialog), "import-malformed");

  /* Nothing changed. */
  g_assert_true (kw_test_connections_store_is_empty (fixture));
  g_assert_false (g_file_test (kw_connection_store_get_user_file (fixture->store),
                               G_FILE_TEST_EXISTS));
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "acmeclient1");
  g_assert_null (secret);
}

static void
write_keyway_file (const char *path,
                   const char *name)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = g_strdup_printf ("[Connection]\n"
                              "Id=acme\n"
                              "Name=%s\n"
                              "Region=eu-west-1\n"
                              "ClientId=acmeclient1\n"
                              "ClientSecret=" KW_TEST_SECRET "\n",
                              name);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static gboolean
connection_named (gpointer data)
{
  KwConnectionsFixture *fixture = ((gpointer *) data)[0];
  KwConnection *connection = kw_connection_store_lookup (fixture->store, "acme");

  return connection != NULL &&
         g_strcmp0 (kw_connection_get_name (connection), ((gpointer *) data)[1]) == 0;
}

static void
test_import_replace (KwConnectionsFixture *fixture,
                     gconstpointer         user_data)
{
  g_autofree char *path = kw_test_connections_home_path ("acme.keyway");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gpointer renamed[2] = { fixture, "Acme Renamed" };
  gpointer named[2] = { fixture, "Acme" };
  g_autofree char *secret = NULL;
  AdwMessageDialog *question;

  kw_test_connections_open_window (fixture);

  write_keyway_file (path, "Acme");
  kw_connections_window_import_file (fixture->window, file);
  kw_test_ui_wait_until (connection_named, named, "the import");
  kw_test_connections_wait_for_toast (fixture, "Added “Acme”");
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "acmeclient1");
  g_assert_cmpstr (secret, ==, KW_TEST_SECRET);
  g_assert_false (kw_test_file_contains (kw_connection_store_get_user_file (fixture->store),
                                         KW_TEST_SECRET));

  /* The same id again: asked, and Cancel keeps the one there is. */
  write_keyway_file (path, "Acme Renamed");
  kw_connections_window_import_file (fixture->window, file);
  kw_test_ui_wait_until (kw_test_connections_dialog_shown, NULL, "the question");
  question = kw_test_connections_find_question ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Replace Connection?");
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (question), "Cancel"));
  kw_test_ui_spin (50);
  g_assert_true (connection_named (named));

  kw_connections_window_import_file (fixture->window, file);
  kw_test_ui_wait_until (kw_test_connections_question_shown, NULL, "the question");
  question = kw_test_connections_find_question ();
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (question), "Replace"));
  kw_test_ui_wait_until (connection_named, renamed, "the replacement");
  kw_test_connections_wait_for_toast (fixture, "Replaced “Acme Renamed”");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_connections_init (&argc, &argv);

  kw_test_connections_add ("/keyway/connections-files/export", test_export, FALSE);
  kw_test_connections_add ("/keyway/connections-files/export-fails", test_export_fails, FALSE);
  kw_test_connections_add ("/keyway/connections-files/import-malformed", test_import_malformed,
                           FALSE);
  kw_test_connections_add ("/keyway/connections-files/import-replace", test_import_replace,
                           FALSE);

  return kw_test_connections_run ();
}
