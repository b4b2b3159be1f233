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
  gtk_init ();

  application = kw_application_new ();
  /* The test is not the app: it neither becomes nor looks for the
   * instance that owns the app id. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

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
  gtk_widget_activate (button);
}
