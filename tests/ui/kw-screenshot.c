/* kw-screenshot.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-screenshot.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

/* Long enough for the size the window asked for to arrive from the X
 * server and for a frame or two to be laid out with it. */
#define SETTLE_US (300 * G_TIME_SPAN_MILLISECOND)

/* The size of the pictures. */
static int requested_width;
static int requested_height;

KwApplication *
kw_screenshot_init (int          argc,
                    char       **argv,
                    const char **prefix)
{
  KwApplication *application;
  g_autoptr(GError) error = NULL;
  AdwColorScheme scheme;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEYWAY_LOCALEDIR") != NULL ?
                                   g_getenv ("KEYWAY_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 5 ||
      (requested_width = atoi (argv[1])) < 360 ||
      (requested_height = atoi (argv[2])) < 400 ||
      (!g_str_equal (argv[3], "light") && !g_str_equal (argv[3], "dark")))
    {
      g_printerr ("Usage: %s WIDTH HEIGHT light|dark PREFIX\n", argv[0]);
      exit (EXIT_FAILURE);
    }
  scheme = g_str_equal (argv[3], "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                         : ADW_COLOR_SCHEME_FORCE_LIGHT;
  *prefix = argv[4];

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

  return application;
}

void
kw_screenshot_present (GtkWindow *window)
{
  gtk_window_set_default_size (window, requested_width, requested_height);
  gtk_window_present (window);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

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

  g_printerr ("  %*s%s: %d px\n", depth * 2, "", describe (widget), minimum);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    report_too_wide (child, width, depth + 1);
}

/* Whether the window, at any moment while it waits for @what, asks for
 * more width than the pictures have: it would grow, and stay grown. */
static void
check_width (GtkWindow  *window,
             const char *what)
{
  static char last_reported[64];
  int minimum = 0;

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

void
kw_screenshot_wait_until (GtkWindow             *window,
                          KwScreenshotCondition  condition,
                          guint                  timeout_s,
                          const char            *what)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;
  guint wake_id = g_timeout_add (50, wake_cb, NULL);

  while (!condition (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Still waiting for %s after %u s", what, timeout_s);

      g_main_context_iteration (NULL, TRUE);
      check_width (window, what);
    }

  g_source_remove (wake_id);
}

void
kw_screenshot_settle (void)
{
  gint64 until = g_get_monotonic_time () + SETTLE_US;
  guint wake_id = g_timeout_add (20, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_id);
}

/* The default size counts what the window draws around its content, which
 * is not in the picture; and a window that grew, as when its content asked
 * for more for a moment, stays grown. Asks again, for the content to be the
 * size the pictures are. */
static void
fit_window (GtkWindow *window)
{
  int default_width;
  int default_height;

  kw_screenshot_settle ();
  if (gtk_widget_get_width (GTK_WIDGET (window)) == requested_width &&
      gtk_widget_get_height (GTK_WIDGET (window)) == requested_height)
    return;

  gtk_window_get_default_size (window, &default_width, &default_height);
  gtk_window_set_default_size (window,
                               default_width + requested_width -
                               gtk_widget_get_width (GTK_WIDGET (window)),
                               default_height + requested_height -
                               gtk_widget_get_height (GTK_WIDGET (window)));
  kw_screenshot_settle ();
}

static GskRenderNode *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  return gtk_snapshot_free_to_node (snapshot);
}

void
kw_screenshot_save (GtkWindow  *window,
                    GtkWidget  *dialog,
                    const char *prefix,
                    const char *step)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) window_node = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
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

  window_node = render_widget (GTK_WIDGET (window));
  if (window_node == NULL)
    g_error ("Nothing was drawn for %s", step);
  gtk_snapshot_append_node (snapshot, window_node);

  if (dialog != NULL)
    {
      g_autoptr(GskRenderNode) dialog_node = render_widget (dialog);
      int dialog_width = gtk_widget_get_width (dialog);
      int dialog_height = gtk_widget_get_height (dialog);

      if (dialog_width > width)
        g_printerr ("%s: the dialog is %d px wide, the window %d\n", step, dialog_width, width);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - dialog_width) / 2,
                                                             (height - dialog_height) / 2));
      gtk_snapshot_append_node (snapshot, dialog_node);
      gtk_snapshot_restore (snapshot);
    }

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  path = g_strdup_printf ("%s-%s.png", prefix, step);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);

  g_print ("%s (%dx%d)\n", path, width, height);
}
