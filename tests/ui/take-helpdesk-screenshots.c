/* take-helpdesk-screenshots.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-audit-page.h"
#include "kw-bulk-page.h"
#include "kw-helpdesk-signin.h"
#include "kw-helpdesk-users-page.h"
#include "kw-helpdesk-window.h"
#include "kw-screenshot.h"
#include "kw-user-card.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* Screenshots of the helpdesk view in demo mode, for the README: the
 * window at one size and colour scheme, driven as tests/ui/test-helpdesk.c
 * drives it, rendered by GTK itself; a dialog is drawn over the middle of
 * its window, as a window manager would place it.
 *
 *   take-helpdesk-screenshots WIDTH HEIGHT light|dark PREFIX
 *
 * writes PREFIX-1-signin.png … PREFIX-7-password.png, then the Bulk Reset
 * page (PREFIX-8-bulk-preview … PREFIX-11-bulk-done) and the Audit Log
 * (PREFIX-12-audit).
 * build-aux/screenshots-helpdesk runs it under Xvfb for every size and
 * scheme. */

/* Every step answers from loopback within milliseconds, but for the bulk
 * reset, which the fake's quota slows down on purpose. */
#define WAIT_TIMEOUT_S 20

/* The bulk reset's users: made up, each with a verified email address. */
static const char * const bulk_users[] = {
  "amelia.ross", "ben.okafor", "carmen.diaz", "dmitri.volkov", "elena.rossi", "farah.khan",
  "george.miller", "hana.sato", "ivan.petrov", "julia.santos", "kofi.mensah", "lena.schmidt",
  "marco.bianchi", "nadia.haddad", "oscar.lindqvist", "priya.nair", "quinn.obrien",
  "rosa.martinez", "samir.aziz", "tara.walsh", "umar.farouk", "vera.novak", "wei.zhang",
  "ximena.lopez", "yusuf.demir", "zoe.taylor",
};

typedef gboolean (*Condition) (KwHelpdeskWindow *window);

static void
wait_until (KwHelpdeskWindow *window,
            Condition         condition,
            const char       *what)
{
  kw_screenshot_wait_until (GTK_WINDOW (window), (KwScreenshotCondition) condition,
                            WAIT_TIMEOUT_S, what);
}

/* The window as it is on screen, with @dialog (nullable) over its middle. */
static void
save_window (KwHelpdeskWindow *window,
             GtkWidget        *dialog,
             const char       *prefix,
             const char       *step)
{
  kw_screenshot_save (GTK_WINDOW (window), dialog, prefix, step);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static KwHelpdeskUsersPage *
users_page (KwHelpdeskWindow *window)
{
  return KW_HELPDESK_USERS_PAGE (find_descendant (GTK_WIDGET (window),
                                                  KW_TYPE_HELPDESK_USERS_PAGE));
}

static gboolean
mapped (KwHelpdeskWindow *window)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
signed_in (KwHelpdeskWindow *window)
{
  return kw_helpdesk_window_get_session (window) != NULL;
}

static gboolean
search_done (KwHelpdeskWindow *window)
{
  return !kw_helpdesk_users_page_get_busy (users_page (window));
}

static gboolean
card_idle (KwHelpdeskWindow *window)
{
  KwUserCard *card = kw_helpdesk_users_page_get_card (users_page (window));

  return !kw_user_card_get_busy (card);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
dialog_shown (KwHelpdeskWindow *window)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (KwHelpdeskWindow *window)
{
  return find_dialog () == NULL;
}

static void
search (KwHelpdeskWindow *window,
        const char       *query)
{
  kw_helpdesk_users_page_search (users_page (window), query);
  wait_until (window, search_done, query);
}

static void
activate_card_action (KwHelpdeskWindow *window,
                      const char       *action)
{
  KwUserCard *card = kw_helpdesk_users_page_get_card (users_page (window));

  gtk_widget_activate_action (GTK_WIDGET (card), action, NULL);
  wait_until (window, dialog_shown, action);
}

/* The card's actions, below its details. */
static void
scroll_card_to_end (KwHelpdeskWindow *window)
{
  KwUserCard *card = kw_helpdesk_users_page_get_card (users_page (window));
  GtkWidget *scrolled = find_descendant (GTK_WIDGET (card), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
}

static KwBulkPage *
bulk_page (KwHelpdeskWindow *window)
{
  return KW_BULK_PAGE (find_descendant (GTK_WIDGET (window), KW_TYPE_BULK_PAGE));
}

static KwAuditPage *
audit_page (KwHelpdeskWindow *window)
{
  return KW_AUDIT_PAGE (find_descendant (GTK_WIDGET (window), KW_TYPE_AUDIT_PAGE));
}

static void
show_page (KwHelpdeskWindow *window,
           const char       *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window),
                                                         ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, name);
}

static gboolean
bulk_idle (KwHelpdeskWindow *window)
{
  return !kw_bulk_page_get_busy (bulk_page (window));
}

static gboolean
bulk_under_way (KwHelpdeskWindow *window)
{
  KwBulkReset *bulk = kw_bulk_page_get_bulk_reset (bulk_page (window));

  /* Far enough for an estimate of the time left. */
  return bulk != NULL && kw_bulk_reset_get_done (bulk) >= 8;
}

static gboolean
audit_idle (KwHelpdeskWindow *window)
{
  return !kw_audit_page_get_busy (audit_page (window));
}

/* A file as a helpdesk would get it: a header, the users, and the slips
 * the preview flags (a name with a space, one twice, an empty row), plus
 * someone who has left, whom the run cannot reset. */
static GFile *
write_bulk_file (const char    *folder,
                 KwFakeCognito *fake)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fake);
  g_autoptr(GString) csv = g_string_new ("username,ticket\n");
  g_autofree char *path = g_build_filename (folder, "march-resets.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bulk_users); i++)
    {
      g_autofree char *email = g_strdup_printf ("%s@example.com", bulk_users[i]);

      kw_fake_directory_add_user (directory, "us-east-1_KeywayDemo", bulk_users[i],
                                  "Old-Passw0rd!");
      kw_fake_directory_set_attribute (directory, "us-east-1_KeywayDemo", bulk_users[i],
                                       "email", email);
      kw_fake_directory_set_attribute (directory, "us-east-1_KeywayDemo", bulk_users[i],
                                       "email_verified", "true");
      g_string_append_printf (csv, "%s,HD-%u\n", bulk_users[i], 4100 + i);
      if (i == 0)
        g_string_append (csv, "mary ann,HD-4190\n");
      if (i == 1)
        g_string_append (csv, "left.company,HD-4191\n");
      if (i == 2)
        g_string_append (csv, "ben.okafor,HD-4192\n");
      if (i == 3)
        g_string_append (csv, ",HD-4193\n");
    }

  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("Cannot write %s: %s", path, error->message);

  return g_file_new_for_path (path);
}

/* Toasts of earlier steps would cover the lists: each one's close button
 * (a toast's only button) is pressed. */
static void
dismiss_toasts (GtkWidget *widget,
                gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (in_toast && GTK_IS_BUTTON (child))
        g_signal_emit_by_name (child, "clicked");
      else
        dismiss_toasts (child, in_toast);
    }
}

static void
take_bulk_screenshots (KwHelpdeskWindow *window,
                       KwFakeCognito    *fake,
                       const char       *prefix)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  folder = g_dir_make_tmp ("keyway-screenshots-XXXXXX", &error);
  if (folder == NULL)
    g_error ("Cannot make a folder: %s", error->message);
  file = write_bulk_file (folder, fake);

  dismiss_toasts (GTK_WIDGET (window), FALSE);
  show_page (window, "bulk");
  kw_bulk_page_open_file (bulk_page (window), file);
  wait_until (window, bulk_idle, "the preview");
  save_window (window, NULL, prefix, "8-bulk-preview");

  gtk_widget_activate_action (GTK_WIDGET (bulk_page (window)), "bulk.start", NULL);
  wait_until (window, dialog_shown, "the confirmation");
  dialog = find_dialog ();
  save_window (window, GTK_WIDGET (dialog), prefix, "9-bulk-confirm");

  /* A quota the run meets, as a real pool's would. */
  kw_fake_cognito_set_rate_limit (fake, 4);
  adw_message_dialog_response (dialog, "reset");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (window, dialog_gone, "the confirmation to close");
  wait_until (window, bulk_under_way, "the run");
  save_window (window, NULL, prefix, "10-bulk-running");

  wait_until (window, bulk_idle, "the run to end");
  kw_fake_cognito_set_rate_limit (fake, 0);
  save_window (window, NULL, prefix, "11-bulk-done");

  show_page (window, "audit");
  wait_until (window, audit_idle, "the audit log");
  save_window (window, NULL, prefix, "12-audit");

  g_file_delete (file, NULL, NULL);
  g_rmdir (folder);
}

static void
take_screenshots (KwApplication *application,
                  const char    *prefix)
{
  g_autoptr(GError) error = NULL;
  KwHelpdeskWindow *window;
  AdwMessageDialog *dialog;

  if (!kw_application_start_demo (application, &error))
    g_error ("Cannot start the demo: %s", error->message);

  window = kw_helpdesk_window_new (application);
  kw_screenshot_present (GTK_WINDOW (window));
  wait_until (window, mapped, "the window");
  kw_helpdesk_window_select_connection (window, KW_DEMO_HELPDESK_CONNECTION_ID);
  save_window (window, NULL, prefix, "1-signin");

  gtk_widget_activate_action (find_descendant (GTK_WIDGET (window), KW_TYPE_HELPDESK_SIGNIN),
                              "signin.sign-in", NULL);
  wait_until (window, signed_in, "the session");
  save_window (window, NULL, prefix, "2-search");

  search (window, "taylor@example.com");
  save_window (window, NULL, prefix, "3-results");

  search (window, "kim");
  save_window (window, NULL, prefix, "4-card");
  scroll_card_to_end (window);
  save_window (window, NULL, prefix, "5-actions");

  activate_card_action (window, "card.send-reset-code");
  dialog = find_dialog ();
  save_window (window, GTK_WIDGET (dialog), prefix, "6-confirm");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (window, dialog_gone, "the confirmation to close");

  activate_card_action (window, "card.set-temporary-password");
  adw_message_dialog_response (find_dialog (), "temporary");
  gtk_window_close (GTK_WINDOW (find_dialog ()));
  wait_until (window, card_idle, "the temporary password");
  wait_until (window, dialog_shown, "the temporary password");
  save_window (window, GTK_WIDGET (find_dialog ()), prefix, "7-password");
  adw_message_dialog_response (find_dialog (), "close");
  gtk_window_close (GTK_WINDOW (find_dialog ()));
  wait_until (window, dialog_gone, "the temporary password to close");

  take_bulk_screenshots (window, kw_demo_get_fake (kw_application_get_demo (application)),
                         prefix);

  gtk_window_destroy (GTK_WINDOW (window));
  kw_screenshot_settle ();
  kw_application_stop_demo (application);
}

int
main (int   argc,
      char *argv[])
{
  const char *prefix = NULL;
  g_autoptr(KwApplication) application = kw_screenshot_init (argc, argv, &prefix);

  take_screenshots (application, prefix);

  return EXIT_SUCCESS;
}
