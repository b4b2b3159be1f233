/* kw-connections-window-files.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing connection files into the connections window, and exporting
 * connections from it. */

#include "config.h"

#include "kw-connections-window-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define RESPONSE_CANCEL  "cancel"
#define RESPONSE_REPLACE "replace"

/* Importing */

typedef struct
{
  KwConnectionsWindow *window;
  GFile               *file;
  KwImportFlags        flags;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
import_data_closure_free (gpointer  data,
                          GClosure *closure)
{
  import_data_free (data);
}

/* Try Again reads the file again: what failed may have been reading it. */
static void
kw_connections_window_retry_import (KwConnectionsWindow *self,
                                    gpointer             user_data)
{
  kw_connections_window_import_file (self, G_FILE (user_data));
}

static void
kw_connections_window_report_import (ImportData   *data,
                                     const GError *error)
{
  _kw_connections_window_report (data->window, error, NULL,
                                 kw_connections_window_retry_import,
                                 g_object_ref (data->file), g_object_unref);
}

static void
kw_connections_window_import_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  KwConnectionsWindow *self = data->window;

  connection = kw_connection_store_import_finish (KW_CONNECTION_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      _kw_connections_window_is_closed (self))
    return;

  if (connection == NULL)
    {
      kw_connections_window_report_import (data, error);
      return;
    }

  escaped = g_markup_escape_text (kw_connection_get_name (connection), -1);
  if ((data->flags & KW_IMPORT_FLAGS_REPLACE) != 0)
    /* Translators: the placeholder is a connection's name. */
    _kw_connections_window_toast (self, g_strdup_printf (_("Replaced “%s”"), escaped));
  else
    /* Translators: the placeholder is a connection's name. */
    _kw_connections_window_toast (self, g_strdup_printf (_("Added “%s”"), escaped));
}

static void
kw_connections_window_import_run (ImportData *data)
{
  KwConnectionsWindow *self = data->window;

  kw_connection_store_import_async (self->store, data->file,
                                    _kw_connections_window_get_secrets (self),
                                    data->flags, self->cancellable,
                                    kw_connections_window_import_cb, data);
}

static void
kw_connections_window_replace_response_cb (AdwMessageDialog *dialog,
                                           const char       *response,
                                           ImportData       *asked)
{
  ImportData *data;

  if (g_strcmp0 (response, RESPONSE_REPLACE) != 0 ||
      _kw_connections_window_is_closed (asked->window))
    return;

  /* The dialog keeps what it asked about until it goes away. */
  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (asked->window);
  data->file = g_object_ref (asked->file);
  data->flags = KW_IMPORT_FLAGS_REPLACE;
  kw_connections_window_import_run (data);
}

static void
kw_connections_window_ask_replace (ImportData   *data,
                                   KwConnection *existing)
{
  g_autofree char *basename = g_file_get_basename (data->file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (data->window),
                                                       _("Replace Connection?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: the placeholders are a file name and a
                                   * connection's name. */
                                  _("The file “%s” holds a new version of your connection "
                                    "“%s”. Replace it?"),
                                  basename, kw_connection_get_name (existing));
  adw_message_dialog_add_responses (dialog,
                                    RESPONSE_CANCEL, _("_Cancel"),
                                    RESPONSE_REPLACE, _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, RESPONSE_REPLACE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (dialog, RESPONSE_CANCEL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (kw_connections_window_replace_response_cb),
                         data, import_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file is read once here to find out whether it would replace a
 * connection, which is asked about first; the store's import reads it for
 * real, secret included. */
static void
kw_connections_window_import_load_cb (GObject      *object,
                                      GAsyncResult *result,
                                      gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(ImportData) data = user_data;
  g_autoptr(KwConnection) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  KwConnection *existing;
  char *client_secret = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !_kw_connections_window_is_closed (data->window))
        {
          g_autoptr(GError) io_error = g_error_new_literal (KW_CONNECTION_ERROR,
                                                            KW_CONNECTION_ERROR_IO,
                                                            error->message);

          kw_connections_window_report_import (data, io_error);
        }
      return;
    }

  basename = g_file_get_basename (file);
  preview = kw_connection_new_from_file_data (contents, length, basename, &client_secret, &error);
  g_clear_pointer (&client_secret, kw_secret_free);
  explicit_bzero (contents, length);

  if (_kw_connections_window_is_closed (data->window))
    return;

  if (preview == NULL)
    {
      kw_connections_window_report_import (data, error);
      return;
    }

  existing = kw_connection_store_lookup (data->window->store, kw_connection_get_id (preview));
  if (existing != NULL && kw_connection_get_origin (existing) == KW_CONNECTION_ORIGIN_USER)
    kw_connections_window_ask_replace (g_steal_pointer (&data), existing);
  else
    /* A system connection with that id makes the import say it cannot
     * be replaced. */
    kw_connections_window_import_run (g_steal_pointer (&data));
}

/**
 * kw_connections_window_import_file:
 * @self: the window
 * @file: a .keyway file
 *
 * Adds the connection in @file, its client secret to the keyring; asks
 * first when it would replace one of the person's connections.
 */
void
kw_connections_window_import_file (KwConnectionsWindow *self,
                                   GFile               *file)
{
  ImportData *data;

  g_return_if_fail (KW_IS_CONNECTIONS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);

  g_file_load_contents_async (file, self->cancellable, kw_connections_window_import_load_cb,
                              data);
}

static GtkFileFilter *
create_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Connection Files"));
  gtk_file_filter_add_pattern (filter, "*" KW_CONNECTION_FILE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, KW_CONNECTION_MIME_TYPE);

  return filter;
}

static void
kw_connections_window_import_response_cb (GtkNativeDialog     *chooser,
                                          int                  response,
                                          KwConnectionsWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !_kw_connections_window_is_closed (self))
    kw_connections_window_import_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_kw_connections_window_import_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = create_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Connection File"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response",
                    G_CALLBACK (kw_connections_window_import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exporting */

typedef struct
{
  KwConnectionsWindow *window;
  KwConnection        *connection;
  GFile               *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->connection);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static ExportData *
export_data_copy (ExportData *data)
{
  ExportData *copy = g_new0 (ExportData, 1);

  copy->window = g_object_ref (data->window);
  copy->connection = g_object_ref (data->connection);
  copy->file = g_object_ref (data->file);

  return copy;
}

static void
kw_connections_window_retry_export (KwConnectionsWindow *self,
                                    gpointer             user_data)
{
  ExportData *data = user_data;

  kw_connections_window_export_file (self, data->connection, data->file);
}

static void
kw_connections_window_export_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *escaped = NULL;
  KwConnectionsWindow *self = data->window;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_autoptr(GError) io_error = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          _kw_connections_window_is_closed (self))
        return;

      io_error = g_error_new (KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                              /* Translators: the placeholders are a file name
                               * and a system error message. */
                              _("Could not write %s: %s"), basename, error->message);
      _kw_connections_window_report (self, io_error, data->connection,
                                     kw_connections_window_retry_export,
                                     export_data_copy (data), (GDestroyNotify) export_data_free);
      return;
    }

  if (_kw_connections_window_is_closed (self))
    return;

  escaped = g_markup_escape_text (basename, -1);
  /* Translators: the placeholder is a file name. */
  _kw_connections_window_toast (self, g_strdup_printf (_("Exported to “%s”"), escaped));
}

/**
 * kw_connections_window_export_file:
 * @self: the window
 * @connection: a connection
 * @file: where to write it
 *
 * Writes @connection into @file as a .keyway file, without any secret.
 */
void
kw_connections_window_export_file (KwConnectionsWindow *self,
                                   KwConnection        *connection,
                                   GFile               *file)
{
  g_autoptr(GBytes) bytes = NULL;
  ExportData *data;

  g_return_if_fail (KW_IS_CONNECTIONS_WINDOW (self));
  g_return_if_fail (KW_IS_CONNECTION (connection));
  g_return_if_fail (G_IS_FILE (file));

  bytes = kw_connection_to_file_data (connection);

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->connection = g_object_ref (connection);
  data->file = g_object_ref (file);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, kw_connections_window_export_cb,
                                       data);
}

static void
kw_connections_window_export_response_cb (GtkNativeDialog *chooser,
                                          int              response,
                                          gpointer         user_data)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (user_data);
  KwConnection *connection = g_object_get_data (G_OBJECT (chooser), "connection");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !_kw_connections_window_is_closed (self))
    kw_connections_window_export_file (self, connection, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_kw_connections_window_export_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (widget);
  KwConnection *connection = _kw_connections_window_lookup_target (self, param);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (connection == NULL)
    return;

  filter = create_filter ();
  chooser = gtk_file_chooser_native_new (_("Export Connection"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strconcat (kw_connection_get_id (connection), KW_CONNECTION_FILE_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data_full (G_OBJECT (chooser), "connection", g_object_ref (connection),
                          g_object_unref);
  g_signal_connect (chooser, "response",
                    G_CALLBACK (kw_connections_window_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
