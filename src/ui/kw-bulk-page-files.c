/* kw-bulk-page-files.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-page-private.h"

#include "kw-helpdesk-confirm.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The bulk page's files: choosing the CSV file to read, and saving the
 * results. The choosers only pick a file; kw_bulk_page_open_file() and
 * kw_bulk_page_save_results() do the rest, and the tests call them. */

static GtkWindow *
get_window (KwBulkPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KwBulkPage      *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                  GTK_FILE_CHOOSER_ACTION_SAVE;

  g_assert (KW_IS_BULK_PAGE (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (save)
    kw_bulk_page_save_results (self, file);
  else
    kw_bulk_page_open_file (self, file);
}

static void
show_chooser (KwBulkPage           *self,
              GtkFileChooserNative *chooser)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (self->chooser);
}

void
kw_bulk_page_open_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a CSV File of Usernames"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (csv_filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_filter_add_suffix (csv_filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv_filter);

  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv_filter);

  show_chooser (self, chooser);
}

/* "people.csv" gives "people-results.csv", beside it. */
static char *
dup_results_name (GFile *file)
{
  g_autofree char *name = file != NULL ? kw_bulk_page_dup_file_name (file) : NULL;
  char *dot;

  if (name == NULL)
    return g_strdup (_("results.csv"));

  dot = strrchr (name, '.');
  if (dot != NULL && dot != name && g_ascii_strcasecmp (dot, ".csv") == 0)
    *dot = '\0';

  /* Translators: the name proposed for the results, after the name of
   * the file of usernames without its extension, such as
   * "people-results.csv". */
  return g_strdup_printf (_("%s-results.csv"), name);
}

void
kw_bulk_page_save_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = dup_results_name (self->file);
  g_autoptr(GFile) folder = self->file != NULL ? g_file_get_parent (self->file) : NULL;

  chooser = gtk_file_chooser_native_new (_("Save the Results"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  show_chooser (self, chooser);
}

static void
show_save_error (KwBulkPage   *self,
                 const GError *error)
{
  GtkWindow *window = get_window (self);
  AdwMessageDialog *dialog;

  if (window == NULL)
    return;

  dialog = g_object_new (ADW_TYPE_MESSAGE_DIALOG,
                         "transient-for", window,
                         "modal", TRUE,
                         "destroy-with-parent", TRUE,
                         "heading", _("Could Not Save the Results"),
                         "body", error->message,
                         NULL);
  adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_CLOSE, _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  KwBulkPage   *self;
  GCancellable *cancellable;
  GFile        *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  KwBulkPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  kw_bulk_reset_save_finish (KW_BULK_RESET (object), result, &error);

  if (data->cancellable != self->save_cancellable || kw_bulk_page_is_disposed (self))
    return;

  g_clear_object (&self->save_cancellable);
  kw_bulk_page_update_actions (self);
  kw_bulk_page_notify_busy (self);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_save_error (self, error);
      return;
    }

  name = kw_bulk_page_dup_file_name (data->file);
  escaped = g_markup_escape_text (name, -1);
  /* Translators: the placeholder is a file name. */
  text = g_strdup_printf (_("Results saved to %s"), escaped);
  kw_helpdesk_toast (GTK_WIDGET (self), text);
}

/**
 * kw_bulk_page_save_results:
 * @self: the page
 * @file: where to write the results, replaced if it exists
 *
 * Saves the last run's results as CSV (kw_bulk_reset_to_csv()). Only once
 * a run has ended.
 */
void
kw_bulk_page_save_results (KwBulkPage *self,
                           GFile      *file)
{
  SaveData *data;

  g_return_if_fail (KW_IS_BULK_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->bulk == NULL || self->state != KW_BULK_PAGE_FINISHED)
    return;

  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  kw_bulk_page_update_actions (self);
  kw_bulk_page_notify_busy (self);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->save_cancellable);
  data->file = g_object_ref (file);

  kw_bulk_reset_save_async (self->bulk, file, self->save_cancellable, saved_cb, data);
}
