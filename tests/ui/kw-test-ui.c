/* kw-test-ui.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-ui.h"
#include "kw-test-utils.h"

#include <string.h>

/* Every step of the UI answers from loopback within milliseconds; five
 * seconds means something is stuck. */
#define WAIT_TIMEOUT_US (5 * G_USEC_PER_SEC)

/* The system's MIME folders, as they are before any isolation. */
static GStrv
get_system_mime_dirs (void)
{
  const char * const *data_dirs = g_get_system_data_dirs ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *mime_dir = g_build_filename (data_dirs[i], "mime", NULL);

      g_strv_builder_add (builder, mime_dir);
    }

  /* A test's subprocess inherits the isolated XDG_DATA_DIRS of its parent:
   * the usual place still has the database. */
  g_strv_builder_add (builder, "/usr/share/mime");

  return g_strv_builder_end (builder);
}

KwApplication *
kw_test_ui_init (int    *argc,
                 char ***argv)
{
  g_auto(GStrv) mime_dirs = get_system_mime_dirs ();
  g_autoptr(GError) error = NULL;
  KwApplication *application;

  kw_test_init (argc, argv);
  /* The isolated data folders that each test gets have no MIME database,
   * without which GdkPixbuf cannot tell that GTK's own symbolic icons are
   * SVG (a warning for every icon). The system's is read-only and the same
   * for everyone, and read before the test framework replaces
   * XDG_DATA_DIRS. */
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs);
  /* GTK's accessibility backend for tests: no bus, and the states and
   * properties a screen reader would get are kept for the tests to
   * check (GTK_ACCESSIBLE_STATE_INVALID on a bad field). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_init ();

  application = kw_application_new ();
  /* The test is not the app: it neither becomes nor looks for the
   * instance that owns the app id. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* Each step as it settles in the screenshots, not halfway through a
   * transition; and the dark style when asked for. */
  if (g_getenv ("KW_TEST_SCREENSHOT_DIR") != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (g_strcmp0 (g_getenv ("KW_TEST_COLOR_SCHEME"), "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  return application;
}

static gboolean
wake_cb (gpointer user_data)
{
  /* Only there so that a blocking iteration comes back to check the
   * condition and the clock. */
  return G_SOURCE_CONTINUE;
}

void
kw_test_ui_wait_until (KwTestCondition  condition,
                       gpointer         data,
                       const char      *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
  guint wake_id = g_timeout_add (50, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Still waiting for %s after 5 s", what);

      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_id);
}

static gboolean
spin_done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

void
kw_test_ui_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, spin_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWindow *
kw_test_ui_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      else
        collect_descendants (child, type, found);
    }
}

GtkWidget *
kw_test_ui_find_descendant (GtkWidget *widget,
                            GType      type,
                            guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_descendants (widget, type, found);

  return index < found->len ? g_ptr_array_index (found, index) : NULL;
}

GtkEditable *
kw_test_ui_get_entry_row (GtkWidget *widget,
                          guint      index)
{
  GtkWidget *row = kw_test_ui_find_descendant (widget, ADW_TYPE_ENTRY_ROW, index);

  g_assert_nonnull (row);

  return GTK_EDITABLE (row);
}

gboolean
kw_test_ui_shows_text (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget))
    return gtk_widget_is_drawable (widget) &&
           strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (kw_test_ui_shows_text (child, needle))
        return TRUE;
    }

  return FALSE;
}

static gboolean
label_matches (GtkWidget  *widget,
               const char *label)
{
  if (GTK_IS_LABEL (widget))
    return g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), label);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (label_matches (child, label))
        return TRUE;
    }

  return FALSE;
}

GtkWidget *
kw_test_ui_find_button (GtkWidget  *widget,
                        const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;

      if (GTK_IS_BUTTON (child) && label_matches (child, label))
        return child;

      found = kw_test_ui_find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

void
kw_test_ui_type_text (GtkEditable *editable,
                      const char  *text)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editable)));
  gtk_editable_set_text (editable, text);
}

void
kw_test_ui_press (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* A click, which acts at once; gtk_widget_activate() would show the
   * button pressed and act a quarter of a second later, as for Space. */
  if (GTK_IS_BUTTON (button))
    g_signal_emit_by_name (button, "clicked");
  else
    gtk_widget_activate (button);
}

static char *
find_xdotool (void)
{
  const char *configured = g_getenv ("KW_TEST_XDOTOOL");

  if (configured != NULL && configured[0] != '\0')
    return g_strdup (configured);

  return g_find_program_in_path ("xdotool");
}

gboolean
kw_test_ui_can_press_keys (void)
{
  g_autofree char *xdotool = find_xdotool ();

  /* XTEST is an X11 extension; the suite runs GDK's X11 backend on Xvfb. */
  return xdotool != NULL &&
         g_str_equal (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkX11Display");
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static void
run_xdotool (GtkWindow  *window,
             const char *command,
             const char *argument)
{
  g_autofree char *xdotool = find_xdotool ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = { xdotool, command, argument, NULL };
  int status = 0;

  g_assert_nonnull (xdotool);

  /* With no window manager, the X server sends key presses to the window
   * GTK gave the focus to when it was presented. */
  kw_test_ui_wait_until (window_is_active, window, "the window to have the keyboard focus");

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  /* xdotool returns once the server has the events; GTK reads them on the
   * next iterations. */
  kw_test_ui_spin (100);
}

void
kw_test_ui_press_keys (GtkWindow  *window,
                       const char *keys)
{
  run_xdotool (window, "key", keys);
}

void
kw_test_ui_type_keys (GtkWindow  *window,
                      const char *text)
{
  run_xdotool (window, "type", text);
}

int
kw_test_ui_get_min_width (GtkWindow *window)
{
  int minimum = 0;

  /* The window's own minimum counts the shadow it draws around its
   * content; its first child is the content. */
  gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

void
kw_test_ui_save_png (GtkWindow  *window,
                     const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
kw_test_ui_screenshot (GtkWindow  *window,
                       const char *name)
{
  const char *dir = g_getenv ("KW_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || dir[0] == '\0')
    return;

  /* The last frame, with the layout the window has now. */
  kw_test_ui_spin (100);

  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  kw_test_ui_save_png (window, path);
  g_test_message ("Saved %s", path);
}

struct _KwTestProbe
{
  guint  source_id;
  gint64 last_tick;
  gint64 longest_gap;
};

static gboolean
probe_tick_cb (gpointer user_data)
{
  KwTestProbe *probe = user_data;
  gint64 now = g_get_monotonic_time ();

  probe->longest_gap = MAX (probe->longest_gap, now - probe->last_tick);
  probe->last_tick = now;

  return G_SOURCE_CONTINUE;
}

KwTestProbe *
kw_test_probe_start (guint interval_ms)
{
  KwTestProbe *probe = g_new0 (KwTestProbe, 1);

  probe->last_tick = g_get_monotonic_time ();
  probe->source_id = g_timeout_add (interval_ms, probe_tick_cb, probe);

  return probe;
}

gint64
kw_test_probe_stop (KwTestProbe *probe)
{
  gint64 longest_gap;

  probe_tick_cb (probe);
  g_source_remove (probe->source_id);
  longest_gap = probe->longest_gap;
  g_free (probe);

  return longest_gap;
}
