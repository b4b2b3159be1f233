/* take-screenshots.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kw-application.h"
#include "kw-window-private.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* Screenshots of each step of the wizard in demo mode, for the metainfo and
 * the README: the window at one size and colour scheme, driven the way
 * tests/ui/test-wizard.c drives it, and rendered by GTK itself at each step,
 * so that no window manager or screen grabber is needed.
 *
 *   take-screenshots WIDTH HEIGHT light|dark PREFIX
 *
 * writes PREFIX-1-account.png … PREFIX-5-done.png. build-aux/screenshots
 * runs it under Xvfb for every size and scheme. */

/* Every step answers from loopback within milliseconds. */
#define WAIT_TIMEOUT_US (5 * G_USEC_PER_SEC)

/* Long enough for the size the window asked for to arrive from the X
 * server and for a frame or two to be laid out with it. */
#define SETTLE_US (300 * G_TIME_SPAN_MILLISECOND)

#define USERNAME "jane"
#define NEW_PASSWORD "Correct-Horse-7-Battery"

/* The size of the pictures. */
static int requested_width;
static int requested_height;

typedef gboolean (*Condition) (KwWindow *window);

/* A widget's type, and what it says when it says something. */
static const char *
describe (GtkWidget *widget)
{
  static char buffer[256];
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_WINDOW_TITLE (widget))
    text = adw_window_title_get_title (ADW_WINDOW_TITLE (widget));

  g_snprintf (buffer, sizeof buffer, "%s%s%s%s", G_OBJECT_TYPE_NAME (widget),
              text != NULL ? " \"" : "", text != NULL ? text : "", text != NULL ? "\"" : "");

  return buffer;
}

/* What asks for more width than the window was given, to tell which part
 * of the UI does not fit: every widget, down to leaves, whose minimum width
 * is more than @width. */
static void
report_too_wide (GtkWidget *widget,
                 int        width,
                 int        depth)
{
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= width)
    return;

  g_printerr ("  %*s%s: %d (too wide)\n", depth * 2, "", describe (widget), minimum);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &child_minimum, NULL, NULL, NULL);
      if (child_minimum > width)
        report_too_wide (child, width, depth + 1);
      else
        g_printerr ("  %*s%s: %d\n", (depth + 1) * 2, "", describe (child), child_minimum);
    }
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Whether the window, at any moment while it waits for @what, asks for
 * more width than the pictures have: it would grow, and stay grown. */
static char last_reported[64];

static void
check_width (KwWindow   *window,
             const char *what)
{
  int minimum = 0;

  if (requested_width == 0)
    return;

  /* The window's own minimum counts the margin it draws around its
   * content; its child is the content. */
  gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > requested_width && !g_str_equal (what, last_reported))
    {
      g_strlcpy (last_reported, what, sizeof last_reported);
      g_printerr ("Waiting for %s, the window needs %d px, not %d:\n",
                  what, minimum, requested_width);
      report_too_wide (GTK_WIDGET (window), requested_width, 1);
    }
}

static void
wait_until (KwWindow   *window,
            Condition   condition,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
  guint wake_id = g_timeout_add (50, wake_cb, NULL);

  while (!condition (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Still waiting for %s after 5 s", what);

      g_main_context_iteration (NULL, TRUE);
      check_width (window, what);
    }

  g_source_remove (wake_id);
}

/* Lets layout, frames and anything idle run for a moment. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + SETTLE_US;
  guint wake_id = g_timeout_add (20, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
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

/* The default size counts what the window draws around its content, which
 * is not in the picture; and a window that grew, as when its content asked
 * for more for a moment, stays grown. Asks again, for the content to be the
 * size the pictures are. */
static void
fit_window (KwWindow *window)
{
  int default_width;
  int default_height;

  settle ();
  if (gtk_widget_get_width (GTK_WIDGET (window)) == requested_width &&
      gtk_widget_get_height (GTK_WIDGET (window)) == requested_height)
    return;

  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  gtk_window_set_default_size (GTK_WINDOW (window),
                               default_width + requested_width -
                               gtk_widget_get_width (GTK_WIDGET (window)),
                               default_height + requested_height -
                               gtk_widget_get_height (GTK_WIDGET (window)));
  settle ();
}

/* The window as it is on screen, rendered by its own renderer. */
static void
save_window (KwWindow   *window,
             const char *prefix,
             const char *step)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width;
  int height;

  fit_window (window);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  if (width != requested_width || height != requested_height)
    {
      g_printerr ("%s: the window is %dx%d, not %dx%d: its content asks for more\n",
                  step, width, height, requested_width, requested_height);
      report_too_wide (GTK_WIDGET (window), requested_width, 0);
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    g_error ("Nothing was drawn for %s", step);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_strdup_printf ("%s-%s.png", prefix, step);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);

  g_print ("%s (%dx%d)\n", path, width, height);
}

static void
take_screenshots (KwApplication *application,
                  int            width,
                  int            height,
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
  requested_width = width;
  requested_height = height;
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window, on_account_page, "the account page");
  fit_window (window);

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
  settle ();
  kw_application_stop_demo (application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KwApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  AdwColorScheme scheme;
  int width;
  int height;

  setlocale (LC_ALL, "");
  /* KEYWAY_LOCALEDIR points at the build tree's catalogues (_build/po), for
   * screenshots in another language without installing. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEYWAY_LOCALEDIR") != NULL ?
                                   g_getenv ("KEYWAY_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 5 ||
      (width = atoi (argv[1])) < 360 ||
      (height = atoi (argv[2])) < 400 ||
      (!g_str_equal (argv[3], "light") && !g_str_equal (argv[3], "dark")))
    {
      g_printerr ("Usage: %s WIDTH HEIGHT light|dark PREFIX\n", argv[0]);
      return EXIT_FAILURE;
    }
  scheme = g_str_equal (argv[3], "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                         : ADW_COLOR_SCHEME_FORCE_LIGHT;

  gtk_init ();
  /* Each step as it settles, not halfway through a crossfade. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                /* A caret that is there in every picture. */
                "gtk-cursor-blink", FALSE,
                /* GNOME's own, rather than the X11 default of three
                 * buttons that no GNOME desktop shows. */
                "gtk-decoration-layout", "appmenu:close",
                NULL);

  application = kw_application_new ();
  /* Not the app: it neither becomes nor looks for the instance that owns
   * the app id. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  take_screenshots (application, width, height, argv[4]);

  return EXIT_SUCCESS;
}
