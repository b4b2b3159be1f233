/* test-helpdesk-signin.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-error-dialog.h"
#include "kw-memory-secret-store.h"

#include "kw-test-fake.h"
#include "kw-test-helpdesk.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

/* The helpdesk's credentials: signing in from each source, the identity
 * shown, each credential error the service can answer with as its dialog,
 * wrong keys that the fake's signature check refuses, and keys typed into
 * the keyring that end up in no file. */

static KwApplication *application;

typedef struct
{
  KwHelpdeskFixture base;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  kw_test_helpdesk_set_up (&fixture->base, application);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  kw_test_helpdesk_tear_down (&fixture->base);
  g_unsetenv ("AWS_ACCESS_KEY_ID");
  g_unsetenv ("AWS_SECRET_ACCESS_KEY");
  g_unsetenv ("AWS_SESSION_TOKEN");
  g_unsetenv ("AWS_CONFIG_FILE");
  g_unsetenv ("AWS_SHARED_CREDENTIALS_FILE");
}

static GtkWidget *
signin_widget (Fixture *fixture)
{
  return GTK_WIDGET (kw_test_helpdesk_signin (&fixture->base));
}

static GtkLabel *
identity_label (Fixture *fixture)
{
  GtkWidget *revealer = kw_test_ui_find_descendant (GTK_WIDGET (fixture->base.window),
                                                    GTK_TYPE_REVEALER, 0);

  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  return GTK_LABEL (kw_test_ui_find_descendant (revealer, GTK_TYPE_LABEL, 0));
}

/* The source combo's rows: profile, environment, keyring. */
static void
choose_source (Fixture *fixture,
               guint    row)
{
  AdwActionRow *source = kw_test_helpdesk_find_row (signin_widget (fixture), "Source");

  g_assert_true (ADW_IS_COMBO_ROW (source));
  adw_combo_row_set_selected (ADW_COMBO_ROW (source), row);
}

static GtkEditable *
entry (Fixture *fixture,
       guint    index)
{
  return kw_test_ui_get_entry_row (signin_widget (fixture), index);
}

/* Keys into the keyring entries: access key id, secret, session token. */
static void
type_keys (Fixture    *fixture,
           const char *key_id,
           const char *secret,
           const char *token)
{
  kw_test_ui_type_text (entry (fixture, 0), key_id);
  kw_test_ui_type_text (entry (fixture, 1), secret);
  kw_test_ui_type_text (entry (fixture, 2), token != NULL ? token : "");
}

static KwErrorDialog *
wait_error_dialog (const char *heading)
{
  AdwMessageDialog *dialog = kw_test_helpdesk_wait_dialog (heading);

  g_assert_true (KW_IS_ERROR_DIALOG (dialog));

  return KW_ERROR_DIALOG (dialog);
}

static const char *
dialog_body (KwErrorDialog *dialog)
{
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
}

static KwConnection *
demo_helpdesk_connection (Fixture *fixture)
{
  GListModel *connections = kw_demo_get_connections (kw_application_get_demo (application));

  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(KwConnection) connection = g_list_model_get_item (connections, i);

      if (g_str_equal (kw_connection_get_id (connection), KW_DEMO_HELPDESK_CONNECTION_ID))
        return connection;
    }

  g_assert_not_reached ();
}

static void
test_identity_keyring (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *identity;

  kw_test_helpdesk_sign_in (&fixture->base);

  /* The key id masked but for its last four, where it comes from, and
   * nothing about temporary keys: there is no session token. */
  identity = gtk_label_get_text (identity_label (fixture));
  g_assert_cmpstr (identity, ==, "Access key ****************MPLE saved in the keyring");
  g_assert_null (strstr (identity, KW_TEST_DEMO_ACCESS_KEY));

  /* Signing out: back to the form, with no secret in it. */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (fixture->base.window), "Sign Out"));
  g_assert_null (kw_helpdesk_window_get_session (fixture->base.window));
  g_assert_true (gtk_widget_get_mapped (signin_widget (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, KW_TEST_DEMO_ACCESS_KEY);
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 1)), ==, "");
}

/* A credential error of the service, queued on the fake, and the dialog
 * that names it. */
typedef struct
{
  const char *operation;
  const char *error;
  const char *heading;
  const char *body;       /* a part of the body that says what to do */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "AdminGetUser", "UnrecognizedClientException", "Access key not recognized",
    "Check the credentials" },
  { "AdminGetUser", "InvalidSignatureException", "Secret access key not accepted",
    "system clock" },
  { "AdminGetUser", "SignatureDoesNotMatch", "Secret access key not accepted",
    "Check the secret access key" },
  { "AdminGetUser", "ExpiredTokenException", "AWS session expired",
    "aws sso login" },
  /* Clock skew, as AWS's query protocol names it. */
  { "AdminGetUser", "RequestExpired", "Clock of this computer is wrong",
    "automatic date and time" },
  { "AdminGetUser", "AccessDeniedException", "Not allowed to look up users",
    "“cognito-idp:AdminGetUser”" },
  { "ListUsers", "AccessDeniedException", "Not allowed to list users",
    "“cognito-idp:ListUsers”" },
  { "AdminResetUserPassword", "AccessDeniedException", "Not allowed to reset passwords",
    "“cognito-idp:AdminResetUserPassword”" },
  { "AdminSetUserPassword", "AccessDeniedException", "Not allowed to set passwords",
    "“cognito-idp:AdminSetUserPassword”" },
};

static void
test_credential_error (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const ErrorCase *c = user_data;
  AdwActionRow *action;
  AdwMessageDialog *confirm;
  KwErrorDialog *dialog;

  kw_test_helpdesk_sign_in (&fixture->base);

  if (g_str_equal (c->operation, "AdminResetUserPassword") ||
      g_str_equal (c->operation, "AdminSetUserPassword"))
    kw_test_helpdesk_open_user (&fixture->base, "jane");

  kw_fake_cognito_queue_fault (fixture->base.fake, c->operation, KW_FAKE_FAULT_ERROR, c->error);

  if (g_str_equal (c->operation, "AdminGetUser"))
    {
      kw_test_helpdesk_search (&fixture->base, "jane");
    }
  else if (g_str_equal (c->operation, "ListUsers"))
    {
      kw_test_helpdesk_search (&fixture->base, "jane@example.com");
    }
  else if (g_str_equal (c->operation, "AdminResetUserPassword"))
    {
      action = kw_test_helpdesk_find_row (GTK_WIDGET (kw_test_helpdesk_card (&fixture->base)),
                                          "Send Reset Code");
      kw_test_ui_press (GTK_WIDGET (action));
      confirm = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
      kw_test_helpdesk_respond (confirm, "Send Code");
    }
  else
    {
      action = kw_test_helpdesk_find_row (GTK_WIDGET (kw_test_helpdesk_card (&fixture->base)),
                                          "Set Temporary Password");
      kw_test_ui_press (GTK_WIDGET (action));
      confirm = kw_test_helpdesk_wait_dialog ("Set a Temporary Password?");
      kw_test_helpdesk_respond (confirm, "Set Password");
    }

  dialog = wait_error_dialog (c->heading);
  if (strstr (dialog_body (dialog), c->body) == NULL)
    g_error ("“%s” does not say “%s”", dialog_body (dialog), c->body);
  /* The technical details name the service's error. */
  g_assert_cmpstr (kw_user_message_get_error_name (kw_error_dialog_get_message (dialog)), ==,
                   c->error);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->base.fake, c->operation), >=, 1);

  /* Nothing was done, and nothing claims it was. */
  g_assert_null (kw_test_helpdesk_find_dialog ("Temporary Password for jane"));
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (fixture->base.window), "sent to jane"));
}

/* Wrong keys, which the fake's own signature check refuses: no signature
 * it cannot verify gets through. */
static void
test_wrong_secret (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  type_keys (fixture, KW_TEST_DEMO_ACCESS_KEY, "not/the/right/secret/key/at/all/000000", NULL);
  kw_test_helpdesk_sign_in (&fixture->base);
  /* Stored, then gone from the form. */
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 1)), ==, "");

  kw_test_helpdesk_search (&fixture->base, "jane");
  dialog = wait_error_dialog ("Secret access key not accepted");
  g_assert_cmpstr (kw_user_message_get_error_name (kw_error_dialog_get_message (dialog)), ==,
                   "InvalidSignatureException");
  g_assert_null (kw_user_card_get_user (kw_test_helpdesk_card (&fixture->base)));
}

static void
test_unknown_key (Fixture       *fixture,
                  gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  type_keys (fixture, "AKIAUNKNOWNKEY000000", "some/secret/key/that/is/long/enough/00", NULL);
  kw_test_helpdesk_sign_in (&fixture->base);

  /* The connection now names the new key, as a saved one would. */
  g_assert_cmpstr (kw_connection_get_access_key_id (demo_helpdesk_connection (fixture)), ==,
                   "AKIAUNKNOWNKEY000000");
  g_assert_nonnull (strstr (gtk_label_get_text (identity_label (fixture)), "****0000"));

  kw_test_helpdesk_search (&fixture->base, "jane");
  dialog = wait_error_dialog ("Access key not recognized");
  g_assert_cmpstr (kw_user_message_get_error_name (kw_error_dialog_get_message (dialog)), ==,
                   "UnrecognizedClientException");
}

static void
test_expired_keys (Fixture       *fixture,
                   gconstpointer  user_data)
{
  kw_fake_cognito_expire_credentials (fixture->base.fake, KW_TEST_DEMO_ACCESS_KEY);
  kw_test_helpdesk_sign_in (&fixture->base);

  kw_test_helpdesk_search (&fixture->base, "jane");
  wait_error_dialog ("AWS session expired");
}

static void
test_field_errors (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *signin = signin_widget (fixture);

  /* No key id. */
  type_keys (fixture, "", "", NULL);
  kw_test_helpdesk_try_sign_in (&fixture->base);
  g_assert_true (kw_test_ui_shows_text (signin, "Enter the access key ID."));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry (fixture, 0)), "error"));
  g_assert_null (kw_helpdesk_window_get_session (fixture->base.window));

  /* Another key, whose secret is not saved. */
  type_keys (fixture, "AKIAOTHERKEY00000000", "", NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry (fixture, 0)), "error"));
  kw_test_helpdesk_try_sign_in (&fixture->base);
  g_assert_true (kw_test_ui_shows_text (signin, "none is saved for this access key ID"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry (fixture, 1)), "error"));

  /* Not an access key id at all. */
  type_keys (fixture, "not-a-key", "secret", NULL);
  kw_test_helpdesk_try_sign_in (&fixture->base);
  g_assert_true (kw_test_ui_shows_text (signin, "is not an AWS access key id"));
  g_assert_null (kw_helpdesk_window_get_session (fixture->base.window));
  g_assert_cmpstr (kw_connection_get_access_key_id (demo_helpdesk_connection (fixture)), ==,
                   KW_TEST_DEMO_ACCESS_KEY);
}

static void
test_environment_missing (Fixture       *fixture,
                          gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  choose_source (fixture, 1);
  g_assert_true (kw_test_ui_shows_text (signin_widget (fixture), "No AWS_ACCESS_KEY_ID"));
  kw_test_helpdesk_try_sign_in (&fixture->base);

  dialog = wait_error_dialog ("No AWS credentials");
  g_assert_nonnull (strstr (dialog_body (dialog), "environment"));
  g_assert_null (kw_helpdesk_window_get_session (fixture->base.window));
  g_assert_cmpint (kw_connection_get_credentials_source (demo_helpdesk_connection (fixture)), ==,
                   KW_CREDENTIALS_SOURCE_ENVIRONMENT);
}

static void
test_environment_temporary (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *identity;

  /* Temporary keys: the fake wants their token with every request. */
  kw_fake_cognito_add_credentials (fixture->base.fake, KW_TEST_DEMO_ACCESS_KEY,
                                   KW_TEST_DEMO_SECRET_KEY, "session-token-for-tests");
  g_setenv ("AWS_ACCESS_KEY_ID", KW_TEST_DEMO_ACCESS_KEY, TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", KW_TEST_DEMO_SECRET_KEY, TRUE);
  g_setenv ("AWS_SESSION_TOKEN", "session-token-for-tests", TRUE);

  choose_source (fixture, 1);
  g_assert_true (kw_test_ui_shows_text (signin_widget (fixture), "****MPLE"));
  kw_test_helpdesk_sign_in (&fixture->base);

  identity = gtk_label_get_text (identity_label (fixture));
  g_assert_cmpstr (identity, ==,
                   "Access key ****************MPLE from the environment, temporary keys");

  kw_test_helpdesk_open_user (&fixture->base, "jane");
}

static void
test_choose_connection (Fixture       *fixture,
                        gconstpointer  user_data)
{
  KwDemo *demo = kw_application_get_demo (application);
  GListModel *connections = kw_demo_get_connections (demo);
  g_autoptr(KwConnection) open = g_list_model_get_item (connections, 0);
  g_autoptr(KwConnection) helpdesk = NULL;
  KwHelpdeskSession *session;
  AdwActionRow *row;
  GtkWidget *title;

  /* One helpdesk connection: nothing to choose. */
  row = kw_test_helpdesk_find_row (signin_widget (fixture), "Connection");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (row)));

  /* A second one, reading the environment. */
  g_assert_cmpstr (kw_connection_get_id (open), ==, "demo");
  helpdesk = kw_helpdesk_connection_with_credentials (open, KW_CREDENTIALS_SOURCE_ENVIRONMENT,
                                                      NULL, NULL);
  kw_demo_replace_connection (demo, helpdesk);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (row)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))),
                    ==, 2);

  g_setenv ("AWS_ACCESS_KEY_ID", KW_TEST_DEMO_ACCESS_KEY, TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", KW_TEST_DEMO_SECRET_KEY, TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_true (kw_helpdesk_signin_get_connection (kw_test_helpdesk_signin (&fixture->base)) ==
                 helpdesk);
  /* The form follows the chosen connection. */
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (kw_test_helpdesk_find_row (
    signin_widget (fixture), "Environment Variables"))));

  kw_test_helpdesk_sign_in (&fixture->base);
  session = kw_helpdesk_window_get_session (fixture->base.window);
  g_assert_cmpstr (kw_connection_get_id (kw_helpdesk_session_get_connection (session)), ==,
                   "demo");
  /* The header names the connection in use. */
  title = kw_test_ui_find_descendant (GTK_WIDGET (fixture->base.window),
                                      ADW_TYPE_VIEW_SWITCHER_TITLE, 0);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)), ==,
                   "Example Corp");
  kw_test_helpdesk_open_user (&fixture->base, "jane");
}

static void
write_aws_file (const char *name,
                const char *contents)
{
  g_autofree char *folder = g_build_filename (g_get_home_dir (), ".aws", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  /* The test framework points $HOME at /dev/null; the AWS tools' own
   * variables name the files instead. */
  g_setenv (g_str_equal (name, "config") ? "AWS_CONFIG_FILE" : "AWS_SHARED_CREDENTIALS_FILE",
            path, TRUE);
}

typedef struct
{
  GtkStringList *profiles;
  guint          n_items;
} ProfilesWait;

static gboolean
profiles_listed (gpointer data)
{
  ProfilesWait *wait = data;

  return g_list_model_get_n_items (G_LIST_MODEL (wait->profiles)) == wait->n_items;
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  user_data)
{
  AdwActionRow *profile_row;
  ProfilesWait wait;

  write_aws_file ("credentials",
                  "[readonly]\n"
                  "aws_access_key_id = AKIAREADONLY00000000\n"
                  "aws_secret_access_key = readonly/secret/key/for/the/tests/0000\n"
                  "\n"
                  "[helpdesk]\n"
                  "aws_access_key_id = " KW_TEST_DEMO_ACCESS_KEY "\n"
                  "aws_secret_access_key = " KW_TEST_DEMO_SECRET_KEY "\n");
  write_aws_file ("config", "[profile helpdesk]\nregion = us-east-1\n");

  /* The panel reads ~/.aws when it opens: a window opened now. */
  kw_test_helpdesk_tear_down (&fixture->base);
  kw_test_helpdesk_set_up (&fixture->base, application);

  choose_source (fixture, 0);
  profile_row = kw_test_helpdesk_find_row (signin_widget (fixture), "Profile");
  g_assert_true (ADW_IS_COMBO_ROW (profile_row));
  wait.profiles = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (profile_row)));
  wait.n_items = 2;
  kw_test_ui_wait_until (profiles_listed, &wait, "the profiles");

  /* Listed by name, sorted. */
  g_assert_cmpstr (gtk_string_list_get_string (wait.profiles, 0), ==, "helpdesk");
  g_assert_cmpstr (gtk_string_list_get_string (wait.profiles, 1), ==, "readonly");
  adw_combo_row_set_selected (ADW_COMBO_ROW (profile_row), 0);

  kw_test_helpdesk_sign_in (&fixture->base);
  g_assert_cmpstr (gtk_label_get_text (identity_label (fixture)), ==,
                   "Access key ****************MPLE from the AWS profile “helpdesk”");
  g_assert_cmpstr (kw_connection_get_aws_profile (demo_helpdesk_connection (fixture)), ==,
                   "helpdesk");

  kw_test_helpdesk_open_user (&fixture->base, "jane");
}

/* Every regular file under @path that holds @needle. */
static void
find_in_files (const char *path,
               const char *needle,
               GPtrArray  *found,
               guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
          g_file_get_contents (path, &contents, &length, NULL))
        {
          (*n_files)++;
          if (memmem (contents, length, needle, strlen (needle)) != NULL)
            g_ptr_array_add (found, g_strdup (path));
        }
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        find_in_files (child, needle, found, n_files);
    }
}

/* The files under the test's home and XDG folders that hold @needle. */
static guint
count_files_with (const char *needle,
                  GPtrArray  *found)
{
  const char *roots[] = {
    g_get_home_dir (), g_get_user_config_dir (), g_get_user_data_dir (),
    g_get_user_cache_dir (), g_get_user_state_dir (), g_get_user_runtime_dir (),
  };
  guint n_files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    find_in_files (roots[i], needle, found, &n_files);

  return n_files;
}

static void
assert_in_no_file (const char *needle)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  /* The connection file and the audit log at least were read. */
  g_assert_cmpuint (count_files_with (needle, found), >=, 2);
  if (found->len > 0)
    g_error ("A secret is in %s", (const char *) g_ptr_array_index (found, 0));
}

static gboolean
window_finalized (gpointer data)
{
  Fixture *fixture = data;

  return fixture->base.window == NULL;
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->base.window));
  kw_test_ui_wait_until (window_finalized, fixture, "the window to be finalized");
}

#define SAVED_ACCESS_KEY "AKIATESTKEYS00000042"
#define SAVED_SECRET_KEY "tEsT/SeCrEt/aCcEsS/kEy/0123456789/abcdefgh"
#define SAVED_SESSION_TOKEN "tEsT-SeSsIoN-ToKeN-0123456789"

/* Not the demo: a saved connection in a connections.ini of the test's
 * own, keys in a keyring in memory, and a fake of the test's own. */
static void
test_keyring_keys_in_no_file (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  AdwMessageDialog *dialog;
  const char *empty_dirs[] = { NULL };

  close_window (fixture);
  fixture->base.fake = fake;

  kw_fake_cognito_add_credentials (fake, SAVED_ACCESS_KEY, SAVED_SECRET_KEY,
                                   SAVED_SESSION_TOKEN);
  file = g_build_filename (g_get_user_config_dir (), "keyway", "connections.ini", NULL);
  store = kw_connection_store_new (file, empty_dirs);
  g_assert_true (kw_connection_store_load (store, &error));
  g_assert_no_error (error);

  /* A helpdesk connection that reads the environment, to start with. */
  connection = g_object_new (KW_TYPE_CONNECTION,
                             "id", "helpdesk",
                             "name", "Test Helpdesk",
                             "region", "us-east-1",
                             "client-id", TEST_CLIENT,
                             "user-pool-id", TEST_POOL,
                             "endpoint-url", kw_fake_cognito_get_url (fake),
                             "password-policy", policy,
                             "credentials-source", KW_CREDENTIALS_SOURCE_ENVIRONMENT,
                             NULL);
  kw_connection_store_add_async (store, connection, FALSE, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  g_assert_true (kw_connection_store_add_finish (store, result, &error));
  g_assert_no_error (error);

  fixture->base.window = g_object_new (KW_TYPE_HELPDESK_WINDOW,
                                       "application", application,
                                       "connection-store", store,
                                       "secret-store", secrets,
                                       NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->base.window),
                             (gpointer *) &fixture->base.window);
  gtk_window_present (GTK_WINDOW (fixture->base.window));

  /* Keys typed in, temporary ones. */
  choose_source (fixture, 2);
  type_keys (fixture, SAVED_ACCESS_KEY, SAVED_SECRET_KEY, SAVED_SESSION_TOKEN);
  kw_test_helpdesk_sign_in (&fixture->base);
  g_assert_cmpstr (gtk_label_get_text (identity_label (fixture)), ==,
                   "Access key ****************0042 saved in the keyring, temporary keys");

  /* They work, signed with the session token the fake expects. */
  kw_test_helpdesk_open_user (&fixture->base, "jane");
  kw_test_ui_press (GTK_WIDGET (kw_test_helpdesk_find_row (
    GTK_WIDGET (kw_test_helpdesk_card (&fixture->base)), "Send Reset Code")));
  dialog = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
  kw_test_helpdesk_respond (dialog, "Send Code");
  kw_test_helpdesk_wait_card (&fixture->base);
  g_assert_cmpuint (kw_test_helpdesk_count_audit (&fixture->base, "\"success\""), ==, 1);

  /* The connection file names the key and where it is; the secret parts
   * are nowhere on disk. */
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, SAVED_ACCESS_KEY));
  g_assert_nonnull (strstr (contents, "keyring"));
  /* The search finds what is there: the key id, in two files. */
  count_files_with (SAVED_ACCESS_KEY, found);
  g_assert_cmpuint (found->len, ==, 2);
  assert_in_no_file (SAVED_SECRET_KEY);
  assert_in_no_file (SAVED_SESSION_TOKEN);
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 1)), ==, "");

  /* Before the fake goes. */
  close_window (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = kw_test_ui_init (&argc, &argv);

#define ADD(path, data, func) \
  g_test_add ("/keyway/helpdesk-signin/" path, Fixture, data, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("identity-keyring", NULL, test_identity_keyring);
  ADD ("wrong-secret", NULL, test_wrong_secret);
  ADD ("unknown-key", NULL, test_unknown_key);
  ADD ("expired-keys", NULL, test_expired_keys);
  ADD ("field-errors", NULL, test_field_errors);
  ADD ("environment-missing", NULL, test_environment_missing);
  ADD ("environment-temporary", NULL, test_environment_temporary);
  ADD ("profile", NULL, test_profile);
  ADD ("choose-connection", NULL, test_choose_connection);
  ADD ("keyring-keys-in-no-file", NULL, test_keyring_keys_in_no_file);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyway/helpdesk-signin/error/%s/%s",
                                               error_cases[i].operation,
                                               error_cases[i].error);

      g_test_add (path, Fixture, &error_cases[i], fixture_set_up, test_credential_error,
                  fixture_tear_down);
    }

#undef ADD

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
