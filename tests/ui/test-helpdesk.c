/* test-helpdesk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-error-dialog.h"
#include "kw-helpdesk-confirm.h"
#include "kw-helpdesk-text.h"
#include "kw-window.h"

#include "kw-test-helpdesk.h"
#include "kw-test-utils.h"

#include <string.h>

/* The helpdesk view's Users page in demo mode, driven the way a person
 * would: signing in with the demo's keys, searching, reading the card, and
 * going through each action's confirmation, against the demo's fake, which
 * checks the signature of every Admin request. */

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
  kw_test_helpdesk_sign_in (&fixture->base);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  kw_test_helpdesk_tear_down (&fixture->base);
}

static GtkWidget *
card_widget (Fixture *fixture)
{
  return GTK_WIDGET (kw_test_helpdesk_card (&fixture->base));
}

static const char *
card_field (Fixture    *fixture,
            const char *title)
{
  return kw_test_helpdesk_row_subtitle (card_widget (fixture), title);
}

static KwFakeDirectory *
directory (Fixture *fixture)
{
  return kw_fake_cognito_get_directory (fixture->base.fake);
}

/* The last request of @operation the fake received, or NULL. */
static KwFakeRequest *
last_request (Fixture    *fixture,
              const char *operation)
{
  GPtrArray *requests = kw_fake_cognito_get_requests (fixture->base.fake);

  for (guint i = requests->len; i > 0; i--)
    {
      KwFakeRequest *request = g_ptr_array_index (requests, i - 1);

      if (g_strcmp0 (request->operation, operation) == 0)
        return request;
    }

  return NULL;
}

static gboolean
request_body_contains (KwFakeRequest *request,
                       const char    *needle)
{
  gsize size;
  const char *body = g_bytes_get_data (request->body, &size);

  return g_strstr_len (body, size, needle) != NULL;
}

static void
test_search_username (Fixture       *fixture,
                      gconstpointer  user_data)
{
  KwHelpdeskUsersPage *page = kw_test_helpdesk_users_page (&fixture->base);
  GtkWidget *entry = kw_test_ui_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, 0);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->base.window));
  KwFakeRequest *request;
  const char *authorization;

  /* Signed in, the search field is where typing goes. */
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  kw_test_helpdesk_open_user (&fixture->base, "jane");

  /* Signed with the demo's keys, which the fake checked. */
  request = last_request (fixture, "AdminGetUser");
  g_assert_nonnull (request);
  authorization = g_hash_table_lookup (request->headers, "authorization");
  g_assert_nonnull (authorization);
  g_assert_true (g_str_has_prefix (authorization,
                                   "AWS4-HMAC-SHA256 Credential=" KW_TEST_DEMO_ACCESS_KEY "/"));
  g_assert_true (request_body_contains (request, "\"Username\":\"jane\""));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->base.fake, "ListUsers"), ==, 0);

  /* One match: its card, without a way back to a list. */
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (page), "All Results"));
}

static void
test_card_fields (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const KwCognitoUser *user;
  g_autofree char *created = NULL;
  g_autofree char *year = NULL;
  GtkWidget *card = card_widget (fixture);

  kw_test_helpdesk_open_user (&fixture->base, "kim");
  user = kw_user_card_get_user (kw_test_helpdesk_card (&fixture->base));

  g_assert_true (kw_test_ui_shows_text (card, "kim"));
  /* The status in words, with what it means. */
  g_assert_true (g_str_has_prefix (card_field (fixture, "Status"), "Reset required."));
  g_assert_nonnull (strstr (card_field (fixture, "Status"), "reset code"));
  g_assert_true (g_str_has_prefix (card_field (fixture, "Sign-In"), "Enabled"));
  g_assert_cmpstr (card_field (fixture, "Email Address"), ==, "kim@example.com");
  g_assert_cmpstr (card_field (fixture, "Phone Number"), ==, "+15555550188");
  g_assert_true (kw_test_ui_shows_text (card, "Verified"));
  g_assert_false (kw_test_ui_shows_text (card, "Not verified"));

  /* Dates in local time, in the translation's format: here C's. */
  created = kw_helpdesk_format_date (user->created);
  g_assert_nonnull (user->created);
  g_assert_cmpstr (card_field (fixture, "Created"), ==, created);
  year = g_date_time_format (user->created, "%Y");
  g_assert_nonnull (strstr (card_field (fixture, "Created"), year));
  g_assert_nonnull (strstr (card_field (fixture, "Last Changed"), year));
}

static GtkWidget *card_action (Fixture    *fixture,
                               const char *title);

/* One user per status and flag the card puts in words. */
typedef struct
{
  const char *username;
  const char *status;
  const char *sign_in;
  const char *email;
} CardCase;

static const CardCase card_cases[] = {
  { "jane", "Confirmed.", "Enabled", "Verified" },
  { "casey", "Confirmed.", "Enabled", "Not verified" },
  { "robin", "Confirmed.", "Disabled", "Verified" },
  { "alex", "Must change password.", "Enabled", "Verified" },
  { "lee", "Unconfirmed.", "Enabled", "Not verified" },
  { "morgan", "Compromised.", "Enabled", "Verified" },
};

static void
test_card_statuses (Fixture       *fixture,
                    gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (card_cases); i++)
    {
      const CardCase *c = &card_cases[i];
      AdwActionRow *email_row;

      kw_test_helpdesk_open_user (&fixture->base, c->username);

      g_assert_true (g_str_has_prefix (card_field (fixture, "Status"), c->status));
      g_assert_true (g_str_has_prefix (card_field (fixture, "Sign-In"), c->sign_in));
      email_row = kw_test_helpdesk_find_row (card_widget (fixture), "Email Address");
      g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (email_row), c->email));
      g_assert_cmpstr (card_field (fixture, "Phone Number"), ==, "None");
    }

  /* The header sums it up: a disabled user says so under the name. */
  kw_test_helpdesk_open_user (&fixture->base, "robin");
  g_assert_true (kw_test_ui_shows_text (card_widget (fixture), "Confirmed, disabled"));

  /* Someone who signs in elsewhere has no password here to reset. */
  kw_fake_directory_set_status (directory (fixture), KW_TEST_DEMO_POOL, "sam",
                                "EXTERNAL_PROVIDER");
  kw_test_helpdesk_open_user (&fixture->base, "sam");
  g_assert_true (g_str_has_prefix (card_field (fixture, "Status"), "External provider."));
  g_assert_false (gtk_widget_is_sensitive (card_action (fixture, "Send Reset Code")));
  g_assert_false (gtk_widget_is_sensitive (card_action (fixture, "Set Temporary Password")));
}

static void
test_search_email (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KwHelpdeskUsersPage *page = kw_test_helpdesk_users_page (&fixture->base);
  KwFakeRequest *request;
  AdwActionRow *row;

  kw_test_helpdesk_search (&fixture->base, "taylor@example.com");

  /* ListUsers with a filter on the address, signed. */
  request = last_request (fixture, "ListUsers");
  g_assert_nonnull (request);
  g_assert_true (request_body_contains (request, "email = \\\"taylor@example.com\\\""));
  g_assert_nonnull (g_hash_table_lookup (request->headers, "authorization"));

  /* Two users have it: a list, then the chosen one's card. */
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page),
                                        "2 users match “taylor@example.com”"));
  g_assert_nonnull (kw_test_helpdesk_find_row (GTK_WIDGET (page), "taylor"));
  row = kw_test_helpdesk_find_row (GTK_WIDGET (page), "taylor.admin");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "taylor@example.com · Confirmed");

  kw_test_ui_press (GTK_WIDGET (row));
  g_assert_cmpstr (kw_user_card_get_user (kw_test_helpdesk_card (&fixture->base))->username,
                   ==, "taylor.admin");
  g_assert_true (gtk_widget_get_mapped (card_widget (fixture)));

  /* And back to the list. */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page), "All Results"));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "2 users match"));
}

static void
test_search_phone (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KwFakeRequest *request;

  kw_test_helpdesk_search (&fixture->base, "+1 555 555-0188");

  request = last_request (fixture, "ListUsers");
  g_assert_nonnull (request);
  g_assert_true (request_body_contains (request, "phone_number = \\\"+15555550188\\\""));
  g_assert_cmpstr (kw_user_card_get_user (kw_test_helpdesk_card (&fixture->base))->username,
                   ==, "kim");
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *page = GTK_WIDGET (kw_test_helpdesk_users_page (&fixture->base));

  /* An unknown username is no error to report: the page says so. */
  kw_test_helpdesk_search (&fixture->base, "Jane");
  g_assert_true (kw_test_ui_shows_text (page, "No User Found"));
  g_assert_true (kw_test_ui_shows_text (page, "has the username “Jane”"));
  g_assert_null (kw_test_helpdesk_find_error_dialog ());

  kw_test_helpdesk_search (&fixture->base, "nobody@example.com");
  g_assert_true (kw_test_ui_shows_text (page, "has the email address “nobody@example.com”"));
  g_assert_null (kw_test_helpdesk_find_error_dialog ());
}

static GtkWidget *
card_action (Fixture    *fixture,
             const char *title)
{
  AdwActionRow *row = kw_test_helpdesk_find_row (card_widget (fixture), title);

  g_assert_nonnull (row);

  return GTK_WIDGET (row);
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];

  return kw_test_ui_shows_text (GTK_WIDGET (fixture->base.window), text);
}

static void
wait_toast (Fixture    *fixture,
            const char *text)
{
  gpointer data[2] = { fixture, (gpointer) text };

  kw_test_ui_wait_until (toast_shown, data, text);
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  user_data)
{
  AdwMessageDialog *dialog;

  kw_test_helpdesk_open_user (&fixture->base, "jane");

  /* Cancelling sends nothing. */
  kw_test_ui_press (card_action (fixture, "Send Reset Code"));
  dialog = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
  kw_test_helpdesk_respond (dialog, "Cancel");
  kw_test_ui_spin (50);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->base.fake,
                                                    "AdminResetUserPassword"), ==, 0);

  /* The confirmation says what happens, and where the code goes. */
  kw_test_ui_press (card_action (fixture, "Send Reset Code"));
  dialog = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stops working at once"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "jane@example.com"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==,
                   KW_HELPDESK_RESPONSE_CANCEL);
  kw_test_helpdesk_respond (dialog, "Send Code");

  wait_toast (fixture, "Reset code sent to jane");
  kw_test_helpdesk_wait_card (&fixture->base);

  /* Reset once, audited, and the card read again. */
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->base.fake,
                                                    "AdminResetUserPassword"), ==, 1);
  g_assert_nonnull (kw_fake_cognito_get_last_code (fixture->base.fake, "jane"));
  g_assert_cmpstr (kw_fake_directory_get_status (directory (fixture), KW_TEST_DEMO_POOL, "jane"),
                   ==, "RESET_REQUIRED");
  g_assert_true (g_str_has_prefix (card_field (fixture, "Status"), "Reset required."));
  g_assert_cmpuint (kw_test_helpdesk_count_audit (&fixture->base,
                                                  "\"AdminResetUserPassword\""), ==, 1);
  g_assert_cmpuint (kw_test_helpdesk_count_audit (&fixture->base, "\"jane\""), ==, 1);
}

static void
test_reset_metadata (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *card = card_widget (fixture);
  AdwMessageDialog *dialog;
  KwFakeRequest *request;
  GtkEditable *key;
  GtkEditable *value;

  kw_test_helpdesk_open_user (&fixture->base, "sam");

  /* Under "Advanced": key, value, Add. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (kw_test_ui_find_descendant (
                                   card, ADW_TYPE_EXPANDER_ROW, 0)),
                                 TRUE);
  key = kw_test_ui_get_entry_row (card, 0);
  value = kw_test_ui_get_entry_row (card, 1);
  kw_test_ui_type_text (key, "ticket");
  kw_test_ui_type_text (value, "HD-1234");
  kw_test_ui_press (kw_test_ui_find_button (card, "Add"));
  g_assert_cmpstr (gtk_editable_get_text (key), ==, "");
  g_assert_cmpstr (kw_test_helpdesk_row_subtitle (card, "ticket"), ==, "HD-1234");

  kw_test_ui_press (card_action (fixture, "Send Reset Code"));
  dialog = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "1 client metadata pair goes with the request"));
  kw_test_helpdesk_respond (dialog, "Send Code");
  wait_toast (fixture, "Reset code sent to sam");

  request = last_request (fixture, "AdminResetUserPassword");
  g_assert_nonnull (request);
  g_assert_true (request_body_contains (request, "\"ClientMetadata\":{\"ticket\":\"HD-1234\"}"));
}

typedef struct
{
  char *text;
  gboolean answered;
} PasswordSeen;

/* What the password row holds once the dialog has answered. */
static void
password_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             PasswordSeen     *seen)
{
  GtkWidget *row = kw_test_ui_find_descendant (GTK_WIDGET (dialog),
                                               GTK_TYPE_PASSWORD_ENTRY, 0);

  seen->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  seen->answered = TRUE;
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}

/* What pasting would give. */
static char *
clipboard_text (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  kw_test_ui_wait_until (text_read, &text, "the clipboard");

  return text;
}

static void
test_temporary_password (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *old_password = NULL;
  g_autofree char *password = NULL;
  g_autofree char *copied = NULL;
  PasswordSeen seen = { NULL, FALSE };
  AdwMessageDialog *dialog;
  GtkWidget *row;

  old_password = g_strdup (kw_fake_directory_get_password (directory (fixture),
                                                           KW_TEST_DEMO_POOL, "jane"));
  kw_test_helpdesk_open_user (&fixture->base, "jane");

  kw_test_ui_press (card_action (fixture, "Set Temporary Password"));
  dialog = kw_test_helpdesk_wait_dialog ("Set a Temporary Password?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "shows it to you once"));
  kw_test_helpdesk_respond (dialog, "Set Password");

  /* Shown once, in a password entry with a copy button. */
  dialog = kw_test_helpdesk_wait_dialog ("Temporary Password for jane");
  g_assert_true (KW_IS_HELPDESK_PASSWORD_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "securely"));
  row = kw_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PASSWORD_ENTRY, 0);
  g_assert_nonnull (row);
  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_assert_cmpuint (strlen (password), >=, 8);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row)));

  /* Copied as it is. */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (dialog), "Copy Password"));
  g_assert_nonnull (kw_test_ui_find_button (GTK_WIDGET (dialog), "Copied"));
  copied = clipboard_text (row);
  g_assert_cmpstr (copied, ==, password);

  /* The fake now has it, as a password the user must change. */
  g_assert_cmpstr (kw_fake_directory_get_password (directory (fixture), KW_TEST_DEMO_POOL, "jane"),
                   ==, password);
  g_assert_cmpstr (password, !=, old_password);
  g_assert_cmpstr (kw_fake_directory_get_status (directory (fixture), KW_TEST_DEMO_POOL, "jane"),
                   ==, "FORCE_CHANGE_PASSWORD");

  /* Done: the row is empty before the dialog goes. */
  g_signal_connect_after (dialog, "response", G_CALLBACK (password_dialog_response_cb), &seen);
  kw_test_helpdesk_respond (dialog, "Done");
  g_assert_true (seen.answered);
  g_assert_cmpstr (seen.text, ==, "");
  g_free (seen.text);

  wait_toast (fixture, "Temporary password set for jane");
  kw_test_helpdesk_wait_card (&fixture->base);
  g_assert_true (g_str_has_prefix (card_field (fixture, "Status"), "Must change password."));

  /* Audited, without the password. */
  g_assert_cmpuint (kw_test_helpdesk_count_audit (&fixture->base,
                                                  "\"AdminSetUserPassword\""), ==, 1);
  g_assert_cmpuint (kw_test_helpdesk_count_audit (&fixture->base, password), ==, 0);
}

static void
test_no_verified_contact (Fixture       *fixture,
                          gconstpointer  user_data)
{
  AdwMessageDialog *dialog;

  kw_test_helpdesk_open_user (&fixture->base, "casey");

  /* A warning instead of a confirmation: no code could arrive. */
  kw_test_ui_press (card_action (fixture, "Send Reset Code"));
  dialog = kw_test_helpdesk_wait_dialog ("No Way to Send a Code");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "no verified email address or phone number"));
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (dialog), "Send Code"));
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (dialog), "Send Code Anyway"));

  /* It offers the temporary password, behind its own confirmation. */
  kw_test_helpdesk_respond (dialog, "Set Temporary Password…");
  dialog = kw_test_helpdesk_wait_dialog ("Set a Temporary Password?");
  kw_test_helpdesk_respond (dialog, "Cancel");

  kw_test_ui_spin (50);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->base.fake,
                                                    "AdminResetUserPassword"), ==, 0);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->base.fake,
                                                    "AdminSetUserPassword"), ==, 0);
}

static void
test_force_change_password (Fixture       *fixture,
                            gconstpointer  user_data)
{
  AdwMessageDialog *dialog;

  kw_test_helpdesk_open_user (&fixture->base, "alex");

  /* The card and the confirmation both explain "Forgot password". */
  g_assert_nonnull (strstr (card_field (fixture, "Status"), "“Forgot password” does not work"));
  kw_test_ui_press (card_action (fixture, "Send Reset Code"));
  dialog = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "cannot use “Forgot password”"));
  g_assert_nonnull (kw_test_ui_find_button (GTK_WIDGET (dialog), "Set Temporary Password…"));
  kw_test_helpdesk_respond (dialog, "Send Code Anyway");

  wait_toast (fixture, "Reset code sent to alex");
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->base.fake,
                                                    "AdminResetUserPassword"), ==, 1);
}

static void
test_reset_refused (Fixture       *fixture,
                    gconstpointer  user_data)
{
  AdwMessageDialog *dialog;

  kw_test_helpdesk_open_user (&fixture->base, "robin");

  kw_test_ui_press (card_action (fixture, "Send Reset Code"));
  dialog = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
  kw_test_helpdesk_respond (dialog, "Send Code");

  /* The service refuses a disabled user; the dialog says why. */
  dialog = kw_test_helpdesk_wait_dialog ("Password cannot be reset");
  g_assert_true (KW_IS_ERROR_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "disabled"));
  kw_test_helpdesk_respond (dialog, "Close");

  kw_test_helpdesk_wait_card (&fixture->base);
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (fixture->base.window),
                                         "Reset code sent to robin"));
  g_assert_cmpuint (kw_test_helpdesk_count_audit (&fixture->base, "NotAuthorizedException"),
                    ==, 1);
}

/* keyway --helpdesk: the helpdesk window alone, on the connection named. */
static gboolean
check_windows_cb (gpointer user_data)
{
  KwHelpdeskWindow *helpdesk = NULL;
  guint n_main = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application));
       l != NULL;
       l = l->next)
    {
      if (KW_IS_HELPDESK_WINDOW (l->data))
        helpdesk = l->data;
      else if (KW_IS_WINDOW (l->data))
        n_main++;
    }

  g_assert_nonnull (helpdesk);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (helpdesk)));
  g_assert_cmpuint (n_main, ==, 0);

  g_application_quit (G_APPLICATION (application));

  return G_SOURCE_REMOVE;
}

static void
test_command_line (void)
{
  if (g_test_subprocess ())
    {
      char *argv[] = { "keyway", "--demo", "--helpdesk", "--connection",
                       "Example Corp Helpdesk", NULL };

      g_timeout_add (500, check_windows_cb, NULL);
      exit (g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv));
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* An end-user connection has no credentials to sign in with: said at once,
 * with no window left open. */
static void
test_command_line_not_helpdesk (void)
{
  if (g_test_subprocess ())
    {
      char *argv[] = { "keyway", "--demo", "--helpdesk", "--connection", "Example Corp", NULL };

      exit (g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv));
    }

  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_false (g_test_trap_reached_timeout ());
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*“Example Corp” is not a helpdesk connection*");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = kw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/keyway/helpdesk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("search-username", test_search_username);
  ADD ("card-fields", test_card_fields);
  ADD ("card-statuses", test_card_statuses);
  ADD ("search-email", test_search_email);
  ADD ("search-phone", test_search_phone);
  ADD ("not-found", test_not_found);
  ADD ("reset", test_reset);
  ADD ("reset-metadata", test_reset_metadata);
  ADD ("temporary-password", test_temporary_password);
  ADD ("no-verified-contact", test_no_verified_contact);
  ADD ("force-change-password", test_force_change_password);
  ADD ("reset-refused", test_reset_refused);

#undef ADD

  g_test_add_func ("/keyway/helpdesk/command-line", test_command_line);
  g_test_add_func ("/keyway/helpdesk/command-line-not-helpdesk", test_command_line_not_helpdesk);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
