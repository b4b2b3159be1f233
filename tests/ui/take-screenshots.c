/* take-screenshots.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-screenshot.h"
#include "kw-window-private.h"

#include <stdlib.h>

/* Screenshots of each step of the wizard in demo mode, for the metainfo and
 * the README: the window at one size and colour scheme, driven the way
 * tests/ui/test-wizard.c drives it, and rendered by GTK itself at each step
 * (tests/ui/kw-screenshot.c).
 *
 *   take-screenshots WIDTH HEIGHT light|dark PREFIX
 *
 * writes PREFIX-1-account.png … PREFIX-5-done.png. build-aux/screenshots
 * runs it under Xvfb for every size and scheme. */

/* Every step answers from loopback within milliseconds. */
#define WAIT_TIMEOUT_S 5

#define USERNAME "jane"
#define NEW_PASSWORD "Correct-Horse-7-Battery"

typedef gboolean (*Condition) (KwWindow *window);

static void
wait_until (KwWindow   *window,
            Condition   condition,
            const char *what)
{
  kw_screenshot_wait_until (GTK_WINDOW (window), (KwScreenshotCondition) condition,
                            WAIT_TIMEOUT_S, what);
}

static gboolean
on_account_page (KwWindow *window)
{
  return _kw_window_get_page (window) == KW_WIZARD_PAGE (window->account_page);
}

static gboolean
on_delivery_page (KwWindow *window)
{
  return _kw_window_get_page (window) == KW_WIZARD_PAGE (window->delivery_page);
}

static gboolean
on_code_page (KwWindow *window)
{
  return _kw_window_get_page (window) == KW_WIZARD_PAGE (window->code_page);
}

static gboolean
on_password_page (KwWindow *window)
{
  return _kw_window_get_page (window) == KW_WIZARD_PAGE (window->password_page);
}

static gboolean
on_done_page (KwWindow *window)
{
  return _kw_window_get_page (window) == KW_WIZARD_PAGE (window->done_page);
}

static gboolean
next_sensitive (KwWindow *window)
{
  return gtk_widget_get_visible (window->next_button) &&
         gtk_widget_is_sensitive (window->next_button);
}

static void
collect_entry_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_entry_rows (child, rows);
    }
}

static GtkEditable *
get_entry_row (gpointer page,
               guint    index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_entry_rows (GTK_WIDGET (page), rows);
  if (index >= rows->len)
    g_error ("The page has no entry row %u", index);

  return GTK_EDITABLE (g_ptr_array_index (rows, index));
}

/* Typed, with the caret after the text as it would be. */
static void
type_text (GtkEditable *editable,
           const char  *text)
{
  gtk_editable_set_text (editable, text);
  gtk_editable_set_position (editable, -1);
}

static void
press_next (KwWindow   *window,
            const char *step)
{
  wait_until (window, next_sensitive, "the Next button");
  gtk_widget_activate (window->next_button);
}

static void
save_window (KwWindow   *window,
             const char *prefix,
             const char *step)
{
  kw_screenshot_save (GTK_WINDOW (window), NULL, prefix, step);
}

static void
take_screenshots (KwApplication *application,
                  const char    *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  KwFakeCognito *fake;
  KwWindow *window;

  if (!kw_application_start_demo (application, &error))
    g_error ("Cannot start the demo: %s", error->message);
  fake = kw_demo_get_fake (kw_application_get_demo (application));

  window = kw_window_new (application);
  kw_screenshot_present (GTK_WINDOW (window));
  wait_until (window, on_account_page, "the account page");

  /* The account, typed in. */
  type_text (get_entry_row (window->account_page, 0), USERNAME);
  save_window (window, prefix, "1-account");

  press_next (window, "1-account");
  wait_until (window, on_delivery_page, "the delivery page");
  save_window (window, prefix, "2-delivery");

  press_next (window, "2-delivery");
  wait_until (window, on_code_page, "the code page");
  code = g_strdup (kw_fake_cognito_get_last_code (fake, USERNAME));
  if (code == NULL)
    g_error ("The demo sent no code");
  type_text (get_entry_row (window->code_page, 0), code);
  save_window (window, prefix, "3-code");

  press_next (window, "3-code");
  wait_until (window, on_password_page, "the password page");
  /* Both typed, so that every rule of the checklist is ticked and the
   * button is ready; the entries show dots only. */
  type_text (get_entry_row (window->password_page, 0), NEW_PASSWORD);
  type_text (get_entry_row (window->password_page, 1), NEW_PASSWORD);
  save_window (window, prefix, "4-password");

  press_next (window, "4-password");
  wait_until (window, on_done_page, "the done page");
  save_window (window, prefix, "5-done");

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
