/* kw-test-helpdesk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-helpdesk.h"

#include "kw-error-dialog.h"

#include <string.h>

static gboolean
window_mapped (gpointer data)
{
  KwHelpdeskFixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window));
}

void
kw_test_helpdesk_open_window (KwHelpdeskFixture *fixture)
{
  g_assert_null (fixture->window);

  fixture->window = kw_helpdesk_window_new (fixture->application);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kw_test_ui_wait_until (window_mapped, fixture, "the helpdesk window");

  g_assert_true (kw_helpdesk_window_select_connection (fixture->window,
                                                       KW_DEMO_HELPDESK_CONNECTION_ID));
}

void
kw_test_helpdesk_set_up (KwHelpdeskFixture *fixture,
                         KwApplication     *application)
{
  g_autoptr(GError) error = NULL;

  fixture->application = application;
  kw_application_start_demo (application, &error);
  g_assert_no_error (error);
  fixture->fake = kw_demo_get_fake (kw_application_get_demo (application));

  kw_test_helpdesk_open_window (fixture);
}

static gboolean
window_finalized (gpointer data)
{
  KwHelpdeskFixture *fixture = data;

  return fixture->window == NULL;
}

void
kw_test_helpdesk_close_window (KwHelpdeskFixture *fixture)
{
  if (fixture->window == NULL)
    return;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* A request still in flight would hold a page, and its end would land
   * in a window that is gone. */
  kw_test_ui_wait_until (window_finalized, fixture, "the window to be finalized");
}

void
kw_test_helpdesk_tear_down (KwHelpdeskFixture *fixture)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        gtk_window_destroy (l->data);
    }
  g_list_free (toplevels);

  kw_test_helpdesk_close_window (fixture);
  kw_application_stop_demo (fixture->application);

  /* A request that ends after its window closed shows nothing: the
   * person would see a dialog about a window that is gone. */
  kw_test_ui_spin (20);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        g_error ("A dialog came after its window closed: %s",
                 adw_message_dialog_get_heading (l->data));
    }
  g_list_free (toplevels);
}

KwHelpdeskSignin *
kw_test_helpdesk_signin (KwHelpdeskFixture *fixture)
{
  GtkWidget *signin = kw_test_ui_find_descendant (GTK_WIDGET (fixture->window),
                                                  KW_TYPE_HELPDESK_SIGNIN, 0);

  g_assert_nonnull (signin);

  return KW_HELPDESK_SIGNIN (signin);
}

KwHelpdeskUsersPage *
kw_test_helpdesk_users_page (KwHelpdeskFixture *fixture)
{
  GtkWidget *page = kw_test_ui_find_descendant (GTK_WIDGET (fixture->window),
                                                KW_TYPE_HELPDESK_USERS_PAGE, 0);

  g_assert_nonnull (page);

  return KW_HELPDESK_USERS_PAGE (page);
}

KwUserCard *
kw_test_helpdesk_card (KwHelpdeskFixture *fixture)
{
  return kw_helpdesk_users_page_get_card (kw_test_helpdesk_users_page (fixture));
}

/* An error dialog over a window on screen: one of the window under test,
 * not a late one of a window already gone. */
static KwErrorDialog *
find_error_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *parent;

      if (!KW_IS_ERROR_DIALOG (l->data) || !gtk_widget_get_visible (l->data))
        continue;

      parent = gtk_window_get_transient_for (l->data);
      if (parent != NULL && gtk_widget_get_mapped (GTK_WIDGET (parent)))
        return l->data;
    }

  return NULL;
}

KwErrorDialog *
kw_test_helpdesk_find_error_dialog (void)
{
  return find_error_dialog ();
}

static gboolean
signed_in_or_failed (gpointer data)
{
  KwHelpdeskFixture *fixture = data;

  return kw_helpdesk_window_get_session (fixture->window) != NULL ||
         find_error_dialog () != NULL;
}

void
kw_test_helpdesk_sign_in (KwHelpdeskFixture *fixture)
{
  KwErrorDialog *dialog;

  kw_test_helpdesk_try_sign_in (fixture);
  kw_test_ui_wait_until (signed_in_or_failed, fixture, "the session");

  dialog = find_error_dialog ();
  if (dialog != NULL)
    {
      g_autofree char *details =
        kw_user_message_dup_details (kw_error_dialog_get_message (dialog));

      g_error ("Signing in failed: %s (%s)",
               adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), details);
    }
}

static gboolean
signin_idle (gpointer data)
{
  KwHelpdeskFixture *fixture = data;

  return !kw_helpdesk_signin_get_busy (kw_test_helpdesk_signin (fixture));
}

void
kw_test_helpdesk_try_sign_in (KwHelpdeskFixture *fixture)
{
  KwHelpdeskSignin *signin = kw_test_helpdesk_signin (fixture);

  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (signin), "Sign In"));
  kw_test_ui_wait_until (signin_idle, fixture, "signing in to end");
}

static gboolean
search_done (gpointer data)
{
  KwHelpdeskFixture *fixture = data;

  return !kw_helpdesk_users_page_get_busy (kw_test_helpdesk_users_page (fixture));
}

void
kw_test_helpdesk_search (KwHelpdeskFixture *fixture,
                         const char        *query)
{
  KwHelpdeskUsersPage *page = kw_test_helpdesk_users_page (fixture);
  GtkWidget *entry = kw_test_ui_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, 0);

  g_assert_nonnull (entry);
  kw_test_ui_type_text (GTK_EDITABLE (entry), query);
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page), "Search"));
  kw_test_ui_wait_until (search_done, fixture, "the search");
}

typedef struct
{
  KwHelpdeskFixture *fixture;
  const char        *username;
} CardWait;

static gboolean
card_shows (gpointer data)
{
  CardWait *wait = data;
  KwUserCard *card = kw_test_helpdesk_card (wait->fixture);
  const KwCognitoUser *user = kw_user_card_get_user (card);

  return user != NULL &&
         g_strcmp0 (user->username, wait->username) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (card));
}

void
kw_test_helpdesk_open_user (KwHelpdeskFixture *fixture,
                            const char        *username)
{
  CardWait wait = { fixture, username };

  kw_test_helpdesk_search (fixture, username);
  kw_test_ui_wait_until (card_shows, &wait, "the user's card");
}

static gboolean
card_idle (gpointer data)
{
  KwHelpdeskFixture *fixture = data;

  return !kw_user_card_get_busy (kw_test_helpdesk_card (fixture));
}

void
kw_test_helpdesk_wait_card (KwHelpdeskFixture *fixture)
{
  kw_test_ui_wait_until (card_idle, fixture, "the card to be idle");
}

static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ACTION_ROW (child);

      found = find_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

AdwActionRow *
kw_test_helpdesk_find_row (GtkWidget  *widget,
                           const char *title)
{
  return find_row (widget, title);
}

const char *
kw_test_helpdesk_row_subtitle (GtkWidget  *widget,
                               const char *title)
{
  AdwActionRow *row = find_row (widget, title);

  if (row == NULL)
    g_error ("No row “%s”", title);

  return adw_action_row_get_subtitle (row);
}

AdwMessageDialog *
kw_test_helpdesk_find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) &&
          gtk_widget_get_visible (l->data) &&
          g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return kw_test_helpdesk_find_dialog (data) != NULL || find_error_dialog () != NULL;
}

AdwMessageDialog *
kw_test_helpdesk_wait_dialog (const char *heading)
{
  AdwMessageDialog *dialog;
  KwErrorDialog *error_dialog;

  kw_test_ui_wait_until (dialog_shown, (gpointer) heading, heading);

  dialog = kw_test_helpdesk_find_dialog (heading);
  error_dialog = find_error_dialog ();
  if (dialog == NULL)
    g_error ("Expected “%s”, got the error dialog “%s”", heading,
             adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)));

  return dialog;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
kw_test_helpdesk_respond (AdwMessageDialog *dialog,
                          const char       *label)
{
  GtkWidget *button = kw_test_ui_find_button (GTK_WIDGET (dialog), label);

  if (button == NULL)
    g_error ("The dialog “%s” has no button “%s”",
             adw_message_dialog_get_heading (dialog), label);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  kw_test_ui_press (button);
  kw_test_ui_wait_until (pointer_cleared, &dialog, "the dialog to close");
}

guint
kw_test_helpdesk_count_audit (KwHelpdeskFixture *fixture,
                              const char        *needle)
{
  KwAuditLog *audit_log = kw_helpdesk_window_get_audit_log (fixture->window);
  g_autofree char *path = g_file_get_path (kw_audit_log_get_file (audit_log));
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint count = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], needle) != NULL)
        count++;
    }

  return count;
}

KwBulkPage *
kw_test_helpdesk_bulk_page (KwHelpdeskFixture *fixture)
{
  GtkWidget *page = kw_test_ui_find_descendant (GTK_WIDGET (fixture->window),
                                                KW_TYPE_BULK_PAGE, 0);

  g_assert_nonnull (page);

  return KW_BULK_PAGE (page);
}

KwAuditPage *
kw_test_helpdesk_audit_page (KwHelpdeskFixture *fixture)
{
  GtkWidget *page = kw_test_ui_find_descendant (GTK_WIDGET (fixture->window),
                                                KW_TYPE_AUDIT_PAGE, 0);

  g_assert_nonnull (page);

  return KW_AUDIT_PAGE (page);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
kw_test_helpdesk_show_page (KwHelpdeskFixture *fixture,
                            const char        *name)
{
  GtkWidget *stack = kw_test_ui_find_descendant (GTK_WIDGET (fixture->window),
                                                 ADW_TYPE_VIEW_STACK, 0);
  GtkWidget *page;

  g_assert_nonnull (stack);
  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), name);
  g_assert_nonnull (page);

  adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), page);
  kw_test_ui_wait_until (widget_mapped, page, name);
}

typedef struct
{
  KwHelpdeskFixture *fixture;
  const char        *text;
} TextWait;

static gboolean
text_shown (gpointer data)
{
  TextWait *wait = data;

  return kw_test_ui_shows_text (GTK_WIDGET (wait->fixture->window), wait->text);
}

void
kw_test_helpdesk_wait_toast (KwHelpdeskFixture *fixture,
                             const char        *text)
{
  TextWait wait = { fixture, text };

  kw_test_ui_wait_until (text_shown, &wait, text);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
kw_test_helpdesk_wait_long (KwTestCondition  condition,
                            gpointer         data,
                            const char      *what,
                            guint            seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake_id = g_timeout_add (50, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Still waiting for %s after %u s", what, seconds);

      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_id);
}

void
kw_test_helpdesk_add_users (KwHelpdeskFixture *fixture,
                            const char        *prefix,
                            guint              n)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fixture->fake);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *username = g_strdup_printf ("%s%03u", prefix, i);
      g_autofree char *email = g_strdup_printf ("%s@example.com", username);

      kw_fake_directory_add_user (directory, KW_TEST_DEMO_POOL, username, "Old-Passw0rd!");
      kw_fake_directory_set_attribute (directory, KW_TEST_DEMO_POOL, username, "email", email);
      kw_fake_directory_set_attribute (directory, KW_TEST_DEMO_POOL, username, "email_verified",
                                       "true");
    }
}
