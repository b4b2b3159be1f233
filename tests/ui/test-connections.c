/* test-connections.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-memory-secret-store.h"
#include "kw-window-private.h"

#include "kw-test-connections.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* The connections window and the connection editor, driven through their
 * widgets: adding (from the welcome page too), checking as typed, editing,
 * removing, system connections, keyring and disk failures, demo mode. */

/* The switch of the editor's row @title. */
static GtkSwitch *
find_switch (KwConnectionEditor *editor,
             const char         *title)
{
  AdwActionRow *row = kw_test_connections_find_row (editor, title);

  g_assert_nonnull (row);

  return GTK_SWITCH (kw_test_ui_find_descendant (GTK_WIDGET (row), GTK_TYPE_SWITCH, 0));
}

static gboolean
window_shows_welcome (gpointer window)
{
  return kw_test_ui_shows_text (window, "Welcome to Keyway");
}

static gboolean
window_shows_wizard (gpointer window)
{
  return kw_test_ui_shows_text (window, "Forgot Your Password?");
}

/* The welcome page's "Add Connection by Hand": the editor alone, and then
 * the wizard on the new connection. */
static void
test_add_by_hand (KwConnectionsFixture *fixture,
                  gconstpointer         user_data)
{
  KwWindow *main_window = kw_window_new (fixture->application);
  KwPasswordPolicy default_policy;
  g_autofree char *secret = NULL;
  KwConnectionEditor *editor;
  KwConnection *connection;
  const char *user_file;
  AdwActionRow *row;
  GStatBuf buf;

  kw_password_policy_init_default (&default_policy);
  gtk_window_present (GTK_WINDOW (main_window));
  kw_test_ui_wait_until (window_shows_welcome, main_window, "the welcome page");

  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (main_window), "Add Connection by Hand…"));
  kw_test_ui_wait_until (kw_test_connections_editor_shown, NULL, "the editor");
  editor = kw_test_connections_find_editor ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (main_window));
  g_assert_false (gtk_widget_is_sensitive (kw_test_connections_save_button (editor)));

  kw_test_connections_fill_in (editor, "Acme Corporation", KW_TEST_SECRET);
  kw_test_ui_screenshot (GTK_WINDOW (editor), "editor-add");
  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");

  /* Saved, with an id made from its name. */
  connection = kw_connection_store_lookup (fixture->store, "acme-corporation");
  g_assert_nonnull (connection);
  g_assert_cmpstr (kw_connection_get_name (connection), ==, "Acme Corporation");
  g_assert_cmpstr (kw_connection_get_user_pool_id (connection), ==, "eu-west-1_AbC123");
  g_assert_true (kw_connection_get_has_client_secret (connection));
  g_assert_true (kw_password_policy_equal (kw_connection_get_password_policy (connection),
                                           &default_policy));

  /* In the user's own file, which only they can read, without the secret;
   * the secret is in the keyring, and in no file at all. */
  user_file = kw_connection_store_get_user_file (fixture->store);
  g_assert_true (g_str_has_prefix (user_file, g_get_user_config_dir ()));
  g_assert_true (kw_test_file_contains (user_file, "Name=Acme Corporation"));
  g_assert_cmpint (g_stat (user_file, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_false (kw_test_connections_files_contain (KW_TEST_SECRET));
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "1h57kf5cpq17m0eml12example");
  g_assert_cmpstr (secret, ==, KW_TEST_SECRET);

  /* The welcome page gives way to the wizard. */
  kw_test_ui_wait_until (window_shows_wizard, main_window, "the wizard");

  /* And the connections window lists it. */
  kw_test_connections_open_window (fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->window)) ==
                 GTK_WINDOW (main_window));
  row = kw_test_connections_find_row (fixture->window, "Acme Corporation");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "eu-west-1_AbC123 · eu-west-1");
  g_assert_true (kw_test_connections_row_menu_has (row, "connections.remove"));

  /* One connections window, whoever asks. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "connections", NULL);
  g_assert_true (kw_test_ui_find_toplevel (KW_TYPE_CONNECTIONS_WINDOW) ==
                 GTK_WINDOW (fixture->window));
}

static void
test_empty (KwConnectionsFixture *fixture,
            gconstpointer         user_data)
{
  const KwPasswordPolicy *policy;
  KwConnectionEditor *editor;
  KwConnection *connection;
  GtkWidget *rules;
  GtkWidget *length;

  kw_test_connections_open_window (fixture);
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (fixture->window), "No Connections"));
  kw_test_ui_screenshot (GTK_WINDOW (fixture->window), "connections-empty");

  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (fixture->window),
                                            "Add Connection by Hand…"));
  kw_test_ui_wait_until (kw_test_connections_editor_shown, NULL, "the editor");
  editor = kw_test_connections_find_editor ();
  kw_test_connections_fill_in (editor, "Plain", NULL);

  /* The pool's own password rules, as its console shows them. */
  rules = kw_test_ui_find_descendant (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rules), TRUE);
  length = kw_test_ui_find_descendant (rules, GTK_TYPE_SPIN_BUTTON, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (length), 12);
  gtk_switch_set_active (find_switch (editor, "Require a Symbol"), FALSE);
  gtk_switch_set_active (find_switch (editor, "Prevent User Existence Errors"), TRUE);

  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");
  kw_test_connections_wait_for_toast (fixture, "Saved “Plain”");

  /* No secret given, none expected or stored. */
  connection = kw_connection_store_lookup (fixture->store, "plain");
  g_assert_false (kw_connection_get_has_client_secret (connection));
  g_assert_true (kw_connection_get_prevent_user_existence_errors (connection));
  policy = kw_connection_get_password_policy (connection);
  g_assert_cmpuint (policy->minimum_length, ==, 12);
  g_assert_true (policy->require_uppercase);
  g_assert_false (policy->require_symbols);
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (fixture->window), "No Connections"));
  g_assert_nonnull (kw_test_connections_find_row (fixture->window, "Plain"));
}

static void
test_invalid (KwConnectionsFixture *fixture,
              gconstpointer         user_data)
{
  KwConnectionEditor *editor;
  GtkWidget *save;
  GtkEditable *name;
  GtkEditable *region;
  GtkEditable *client_id;
  GtkEditable *secret;
  GtkEditable *endpoint;

  kw_test_connections_open_window (fixture);
  editor = kw_test_connections_open_editor (fixture, NULL);
  save = kw_test_connections_save_button (editor);
  name = kw_test_connections_row (editor, KW_TEST_ROW_NAME);
  region = kw_test_connections_row (editor, KW_TEST_ROW_REGION);
  client_id = kw_test_connections_row (editor, KW_TEST_ROW_CLIENT_ID);
  secret = kw_test_connections_row (editor, KW_TEST_ROW_SECRET);
  endpoint = kw_test_connections_row (editor, KW_TEST_ROW_ENDPOINT_URL);
  kw_test_connections_fill_in (editor, "Acme", NULL);
  g_assert_true (gtk_widget_is_sensitive (save));

  /* Each bad field is marked and said, as it is typed. */
  kw_test_ui_type_text (region, "moon-east-1");
  g_assert_true (kw_test_connections_shows_invalid (region));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (editor), "Enter an AWS Region"));
  g_assert_false (gtk_widget_is_sensitive (save));

  kw_test_ui_type_text (client_id, "not a client id");
  g_assert_true (kw_test_connections_shows_invalid (client_id));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (editor), "An app client ID has only"));
  kw_test_ui_screenshot (GTK_WINDOW (editor), "editor-invalid");

  kw_test_ui_type_text (region, "eu-west-1");
  g_assert_false (kw_test_connections_shows_invalid (region));
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (editor), "Enter an AWS Region"));
  g_assert_true (kw_test_connections_shows_invalid (client_id));
  g_assert_false (gtk_widget_is_sensitive (save));

  kw_test_ui_type_text (client_id, "acmeclient1");
  g_assert_false (kw_test_connections_shows_invalid (client_id));
  g_assert_true (gtk_widget_is_sensitive (save));

  /* Plain http is for the machine itself only. */
  kw_test_ui_type_text (endpoint, "http://cognito.example.com");
  g_assert_true (kw_test_connections_shows_invalid (endpoint));
  g_assert_false (gtk_widget_is_sensitive (save));
  kw_test_ui_type_text (endpoint, "http://127.0.0.1:9229");
  g_assert_false (kw_test_connections_shows_invalid (endpoint));

  kw_test_ui_type_text (secret, "not a secret!");
  g_assert_true (kw_test_connections_shows_invalid (secret));
  g_assert_false (gtk_widget_is_sensitive (save));
  kw_test_ui_type_text (secret, "");

  /* A name of spaces is no name; an empty one is not filled in yet. */
  kw_test_ui_type_text (name, "   ");
  g_assert_true (kw_test_connections_shows_invalid (name));
  g_assert_false (gtk_widget_is_sensitive (save));
  kw_test_ui_type_text (name, "");
  g_assert_false (kw_test_connections_shows_invalid (name));
  g_assert_false (gtk_widget_is_sensitive (save));

  /* Nothing was saved on the way. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  kw_test_ui_spin (50);
  g_assert_true (kw_test_connections_store_is_empty (fixture));
  g_assert_false (g_file_test (kw_connection_store_get_user_file (fixture->store),
                               G_FILE_TEST_EXISTS));
}

static gboolean
secret_said_stored (gpointer editor)
{
  return kw_test_ui_shows_text (editor, "A client secret is stored in your keyring");
}

static gboolean
secret_said_missing (gpointer editor)
{
  return kw_test_ui_shows_text (editor, "No client secret is stored");
}

static void
test_edit (KwConnectionsFixture *fixture,
           gconstpointer         user_data)
{
  g_autoptr(KwConnection) original = NULL;
  g_autofree char *secret = NULL;
  KwConnectionEditor *editor;
  KwConnection *edited;

  /* A helpdesk connection: the editor has no fields for its credentials,
   * which must survive the edit. */
  original = g_object_new (KW_TYPE_CONNECTION,
                           "id", "acme",
                           "name", "Acme",
                           "region", "eu-west-1",
                           "client-id", "acmeclient1",
                           "user-pool-id", "eu-west-1_Acme123",
                           "has-client-secret", TRUE,
                           "credentials-source", KW_CREDENTIALS_SOURCE_PROFILE,
                           "aws-profile", "helpdesk",
                           NULL);
  kw_test_connections_save (fixture, original, KW_TEST_SECRET);
  kw_test_connections_open_window (fixture);

  editor = kw_test_connections_open_editor (fixture, "acme");
  g_assert_cmpstr (gtk_editable_get_text (kw_test_connections_row (editor, KW_TEST_ROW_NAME)),
                   ==, "Acme");
  /* The secret is said to be there, never shown. */
  g_assert_cmpstr (gtk_editable_get_text (kw_test_connections_row (editor, KW_TEST_ROW_SECRET)),
                   ==, "");
  kw_test_ui_wait_until (secret_said_stored, editor, "the stored secret");
  kw_test_ui_screenshot (GTK_WINDOW (editor), "editor-edit");

  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_NAME), "Acme Europe");
  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");
  kw_test_connections_wait_for_toast (fixture, "Saved “Acme Europe”");

  /* Renamed, not re-created: the same id, the same secret, the same
   * helpdesk credentials. */
  edited = kw_connection_store_lookup (fixture->store, "acme");
  g_assert_nonnull (edited);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
  g_assert_cmpstr (kw_connection_get_name (edited), ==, "Acme Europe");
  g_assert_true (kw_connection_get_has_client_secret (edited));
  g_assert_cmpint (kw_connection_get_credentials_source (edited), ==,
                   KW_CREDENTIALS_SOURCE_PROFILE);
  g_assert_cmpstr (kw_connection_get_aws_profile (edited), ==, "helpdesk");
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "acmeclient1");
  g_assert_cmpstr (secret, ==, KW_TEST_SECRET);
  g_assert_nonnull (kw_test_connections_find_row (fixture->window, "Acme Europe"));
  g_assert_null (kw_test_connections_find_row (fixture->window, "Acme"));
}

static void
test_edit_secret (KwConnectionsFixture *fixture,
                  gconstpointer         user_data)
{
  g_autoptr(KwConnection) original = kw_test_connections_new ("acme", "Acme", TRUE);
  g_autofree char *secret = NULL;
  KwConnectionEditor *editor;

  kw_test_connections_save (fixture, original, KW_TEST_SECRET);
  kw_test_connections_open_window (fixture);

  /* Replaced: the new one in the keyring, in no file. */
  editor = kw_test_connections_open_editor (fixture, "acme");
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_SECRET), KW_TEST_OTHER_SECRET);
  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "acmeclient1");
  g_assert_cmpstr (secret, ==, KW_TEST_OTHER_SECRET);
  g_assert_false (kw_test_connections_files_contain (KW_TEST_OTHER_SECRET));
  g_clear_pointer (&secret, g_free);

  /* A new app client needs its own secret: the old one is of no use. */
  editor = kw_test_connections_open_editor (fixture, "acme");
  kw_test_ui_wait_until (secret_said_stored, editor, "the stored secret");
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_CLIENT_ID), "newclient2");
  g_assert_false (gtk_widget_is_sensitive (kw_test_connections_save_button (editor)));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (editor), "belongs to the previous app"));

  /* Cleared: the connection has no secret any more, nor the keyring. */
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_CLIENT_ID), "acmeclient1");
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (editor), "Remove"));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (editor), "The client secret will be removed"));
  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");
  g_assert_false (kw_connection_get_has_client_secret (kw_connection_store_lookup (fixture->store,
                                                                                   "acme")));
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "acmeclient1");
  g_assert_null (secret);
}

static void
test_remove (KwConnectionsFixture *fixture,
             gconstpointer         user_data)
{
  g_autoptr(KwConnection) connection = kw_test_connections_new ("acme", "Acme", TRUE);
  g_autofree char *secret = NULL;
  AdwMessageDialog *question;

  kw_test_connections_save (fixture, connection, KW_TEST_SECRET);
  kw_test_connections_open_window (fixture);

  /* Asked first, saying the secret goes too; Cancel keeps everything. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "connections.remove", "s", "acme");
  kw_test_ui_wait_until (kw_test_connections_question_shown, NULL, "the question");
  question = kw_test_connections_find_question ();
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Remove “Acme”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question),
                            "client secret is removed from your keyring"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  kw_test_ui_screenshot (GTK_WINDOW (question), "remove-question");
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (question), "Cancel"));
  kw_test_ui_spin (50);
  g_assert_true (kw_test_connections_store_has (fixture, "acme"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "connections.remove", "s", "acme");
  kw_test_ui_wait_until (kw_test_connections_question_shown, NULL, "the question");
  question = kw_test_connections_find_question ();
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (question), "Remove"));
  kw_test_ui_wait_until (kw_test_connections_store_is_empty, fixture, "the removal");
  kw_test_connections_wait_for_toast (fixture, "Removed “Acme”");

  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "acmeclient1");
  g_assert_null (secret);
  g_assert_false (kw_test_file_contains (kw_connection_store_get_user_file (fixture->store),
                                         "Acme"));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (fixture->window), "No Connections"));
}

static void
test_system (KwConnectionsFixture *fixture,
             gconstpointer         user_data)
{
  g_autofree char *secret = NULL;
  KwConnectionEditor *editor;
  GtkEditable *client_id;
  AdwActionRow *row;

  kw_test_connections_open_window (fixture);
  row = kw_test_connections_find_row (fixture->window, "Corporate Directory");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Provided by your administrator"));
  g_assert_false (kw_test_connections_row_menu_has (row, "connections.remove"));
  g_assert_true (kw_test_connections_row_menu_has (row, "connections.export"));
  kw_test_ui_screenshot (GTK_WINDOW (fixture->window), "connections-system");

  /* Removing it is not even asked about. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "connections.remove", "s", "corp");
  kw_test_ui_spin (50);
  g_assert_null (kw_test_connections_find_question ());

  /* Shown, not editable: no Save, fields that do not take typing. */
  gtk_widget_activate (GTK_WIDGET (row));
  kw_test_ui_wait_until (kw_test_connections_editor_shown, NULL, "the editor");
  editor = kw_test_connections_find_editor ();
  g_assert_true (kw_connection_get_origin (kw_connection_editor_get_connection (editor)) ==
                 KW_CONNECTION_ORIGIN_SYSTEM);
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (editor), "Provided by your administrator"));
  g_assert_cmpstr (gtk_editable_get_text (kw_test_connections_row (editor, KW_TEST_ROW_NAME)), ==,
                   "Corporate Directory");
  client_id = kw_test_connections_row (editor, KW_TEST_ROW_CLIENT_ID);
  g_assert_false (gtk_editable_get_editable (kw_test_connections_row (editor, KW_TEST_ROW_NAME)));
  g_assert_false (gtk_editable_get_editable (client_id));
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (editor), "Save"));
  g_assert_nonnull (kw_test_ui_find_button (GTK_WIDGET (editor), "Close"));
  kw_test_ui_screenshot (GTK_WINDOW (editor), "editor-system");
  gtk_window_destroy (GTK_WINDOW (editor));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");

  /* One whose app client has a secret: the administrator cannot hand it
   * out through the file, so the person may put it in their keyring. */
  editor = kw_test_connections_open_editor (fixture, "intranet");
  g_assert_false (gtk_editable_get_editable (kw_test_connections_row (editor, KW_TEST_ROW_NAME)));
  kw_test_ui_wait_until (secret_said_missing, editor, "the missing secret");
  g_assert_false (gtk_widget_is_sensitive (kw_test_connections_save_button (editor)));
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (editor), "Remove"));
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_SECRET), KW_TEST_SECRET);
  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");

  secret = kw_test_connections_lookup_secret (fixture, "eu-central-1", "intranetclient");
  g_assert_cmpstr (secret, ==, KW_TEST_SECRET);
  g_assert_true (kw_connection_get_origin (kw_connection_store_lookup (fixture->store,
                                                                       "intranet")) ==
                 KW_CONNECTION_ORIGIN_SYSTEM);
  g_assert_false (g_file_test (kw_connection_store_get_user_file (fixture->store),
                               G_FILE_TEST_EXISTS));
}

static void
test_keyring_failure (KwConnectionsFixture *fixture,
                      gconstpointer         user_data)
{
  g_autofree char *secret = NULL;
  KwConnectionEditor *editor;
  KwErrorDialog *dialog;

  kw_test_connections_open_window (fixture);
  editor = kw_test_connections_open_editor (fixture, NULL);
  kw_test_connections_fill_in (editor, "Acme", KW_TEST_SECRET);

  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (fixture->secrets),
                                      KW_SECRET_ERROR_LOCKED);
  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_error_shown, NULL, "the error dialog");
  dialog = kw_test_connections_find_error ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Keyring locked");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));
  kw_test_ui_screenshot (GTK_WINDOW (dialog), "keyring-locked");

  /* Nothing half saved; the editor keeps what was typed. */
  g_assert_true (kw_test_connections_store_is_empty (fixture));
  g_assert_false (g_file_test (kw_connection_store_get_user_file (fixture->store),
                               G_FILE_TEST_EXISTS));
  g_assert_true (kw_test_connections_find_editor () == editor);
  g_assert_cmpstr (gtk_editable_get_text (kw_test_connections_row (editor, KW_TEST_ROW_NAME)),
                   ==, "Acme");
  g_assert_true (gtk_widget_is_sensitive (kw_test_connections_save_button (editor)));

  /* Unlocked, Try Again saves it all. */
  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (fixture->secrets), -1);
  g_assert_true (kw_error_dialog_offers_action (dialog));
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (dialog), "Try Again"));
  kw_test_ui_wait_until (kw_test_connections_editor_gone, NULL, "the editor to close");
  g_assert_true (kw_test_connections_store_has (fixture, "acme"));
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "1h57kf5cpq17m0eml12example");
  g_assert_cmpstr (secret, ==, KW_TEST_SECRET);
}

static void
test_save_fails (KwConnectionsFixture *fixture,
                 gconstpointer         user_data)
{
  g_autoptr(KwConnectionStore) broken = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *user_file = NULL;
  g_autofree char *secret = NULL;
  g_autoptr(GError) error = NULL;
  KwConnectionEditor *editor;
  KwErrorDialog *dialog;

  /* A user file that cannot be written: its folder is a file. */
  blocker = kw_test_connections_home_path ("blocked");
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);
  user_file = g_build_filename (blocker, "connections.ini", NULL);
  broken = kw_connection_store_new (user_file, (const char * const[]) { NULL });
  kw_connection_store_load (broken, &error);
  g_assert_no_error (error);
  kw_application_set_stores (fixture->application, broken, fixture->secrets);
  g_set_object (&fixture->store, broken);

  kw_test_connections_open_window (fixture);
  editor = kw_test_connections_open_editor (fixture, NULL);
  kw_test_connections_fill_in (editor, "Acme", KW_TEST_SECRET);
  kw_test_ui_press (kw_test_connections_save_button (editor));
  kw_test_ui_wait_until (kw_test_connections_error_shown, NULL, "the error dialog");
  dialog = kw_test_connections_find_error ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Connections could not be saved or read");

  /* The secret stored first was taken back. */
  g_assert_true (kw_test_connections_store_is_empty (fixture));
  secret = kw_test_connections_lookup_secret (fixture, "eu-west-1", "1h57kf5cpq17m0eml12example");
  g_assert_null (secret);
}

static void
test_demo (KwConnectionsFixture *fixture,
           gconstpointer         user_data)
{
  g_autoptr(GError) error = NULL;

  kw_application_start_demo (fixture->application, &error);
  g_assert_no_error (error);
  kw_test_connections_open_window (fixture);

  /* The saved connections, and a word on why the wizard offers others. */
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (fixture->window), "The demo is running"));
  kw_test_ui_screenshot (GTK_WINDOW (fixture->window), "connections-demo");
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (fixture->window), "Leave the Demo"));
  g_assert_null (kw_application_get_demo (fixture->application));
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (fixture->window), "The demo is running"));
}

/* From 360 px wide up: neither the window nor the editor asks for more. */
static void
test_narrow (KwConnectionsFixture *fixture,
             gconstpointer         user_data)
{
  g_autoptr(KwConnection) connection = NULL;
  KwConnectionEditor *editor;

  connection = kw_test_connections_new ("long",
                                        "A connection with a rather long name, to see it wrap",
                                        TRUE);
  kw_test_connections_save (fixture, connection, KW_TEST_SECRET);
  kw_test_connections_open_window (fixture);
  g_assert_cmpint (kw_test_ui_get_min_width (GTK_WINDOW (fixture->window)), <=, 360);

  editor = kw_test_connections_open_editor (fixture, "long");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.forget-secret", NULL);
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_REGION), "moon");
  g_assert_cmpint (kw_test_ui_get_min_width (GTK_WINDOW (editor)), <=, 360);
}

/* keyway --connection NAME with no such connection: said, and a failure. */
static void
test_unknown_connection (void)
{
  if (g_test_subprocess ())
    {
      char *argv[] = { "keyway", "--connection", "nowhere", NULL };

      exit (g_application_run (G_APPLICATION (kw_test_connections_application ()), 3, argv));
    }

  /* Ending at once: not with a window, left open until killed. */
  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_false (g_test_trap_reached_timeout ());
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*There is no connection “nowhere”*");
}

static gboolean
main_window_gone (gpointer data)
{
  KwWindow **window = data;

  return *window == NULL;
}

static const char *
chosen_id (KwWindow *window)
{
  KwConnection *connection = kw_account_page_get_connection (window->account_page);

  return connection != NULL ? kw_connection_get_id (connection) : NULL;
}

/* The main window starts on the connection used last, at the size it was
 * closed with; the settings hold nothing else. */
static void
test_remembers (KwConnectionsFixture *fixture,
                gconstpointer         user_data)
{
  GSettings *settings = kw_application_get_settings (fixture->application);
  g_autoptr(KwConnection) alpha = kw_test_connections_new ("alpha", "Alpha", FALSE);
  g_autoptr(KwConnection) beta = kw_test_connections_new ("beta", "Beta", TRUE);
  g_autofree char *last = NULL;
  KwWindow *window;
  int width, height;

  /* The UI suite compiles the app's schema, with the memory backend. */
  g_assert_nonnull (settings);
  kw_test_connections_save (fixture, alpha, NULL);
  kw_test_connections_save (fixture, beta, KW_TEST_SECRET);

  window = kw_window_new (fixture->application);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  /* Sorted by name, the chooser starts on Alpha. */
  g_assert_cmpstr (chosen_id (window), ==, "alpha");
  kw_window_start_recovery (window, kw_connection_store_lookup (fixture->store, "beta"));
  g_assert_cmpstr (chosen_id (window), ==, "beta");
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 520);
  gtk_window_close (GTK_WINDOW (window));
  kw_test_ui_wait_until (main_window_gone, &window, "the main window to close");

  last = g_settings_get_string (settings, "last-connection");
  g_assert_cmpstr (last, ==, "beta");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 520);

  window = kw_window_new (fixture->application);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (chosen_id (window), ==, "beta");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 520);

  /* Nothing secret went into the settings. */
  g_assert_false (kw_test_connections_files_contain (KW_TEST_SECRET));

  gtk_window_destroy (GTK_WINDOW (window));
  kw_test_ui_wait_until (main_window_gone, &window, "the main window to close");
  g_settings_reset (settings, "last-connection");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  kw_test_connections_init (&argc, &argv);

  kw_test_connections_add ("/keyway/connections/add-by-hand", test_add_by_hand, FALSE);
  kw_test_connections_add ("/keyway/connections/empty", test_empty, FALSE);
  kw_test_connections_add ("/keyway/connections/invalid", test_invalid, FALSE);
  kw_test_connections_add ("/keyway/connections/edit", test_edit, FALSE);
  kw_test_connections_add ("/keyway/connections/edit-secret", test_edit_secret, FALSE);
  kw_test_connections_add ("/keyway/connections/remove", test_remove, FALSE);
  kw_test_connections_add ("/keyway/connections/system", test_system, TRUE);
  kw_test_connections_add ("/keyway/connections/keyring-failure", test_keyring_failure, FALSE);
  kw_test_connections_add ("/keyway/connections/save-fails", test_save_fails, FALSE);
  kw_test_connections_add ("/keyway/connections/demo", test_demo, FALSE);
  kw_test_connections_add ("/keyway/connections/narrow", test_narrow, FALSE);
  kw_test_connections_add ("/keyway/connections/remembers", test_remembers, FALSE);
  g_test_add_func ("/keyway/connections/unknown-connection", test_unknown_connection);

  return kw_test_connections_run ();
}
