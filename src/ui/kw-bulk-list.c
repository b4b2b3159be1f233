/* kw-bulk-list.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-list.h"

#include "kw-cognito-model.h"
#include "kw-user-message.h"

#include <glib/gi18n-lib.h>

/* A row: the username over a line that says how it stands, coloured by
 * the style classes below (the words say it too). */

static const char * const status_classes[] = { "success", "warning", "error", "dim-label" };

static GtkWidget *
create_row (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (title), TRUE);

  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  return box;
}

static void
set_row (GtkListItem *item,
         const char  *title,
         gboolean     title_dim,
         const char  *subtitle,
         const char  *status_class)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title_label = gtk_widget_get_first_child (box);
  GtkWidget *subtitle_label = gtk_widget_get_last_child (box);

  gtk_label_set_text (GTK_LABEL (title_label), title);
  if (title_dim)
    gtk_widget_add_css_class (title_label, "dim-label");
  else
    gtk_widget_remove_css_class (title_label, "dim-label");

  gtk_label_set_text (GTK_LABEL (subtitle_label), subtitle);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    {
      if (g_strcmp0 (status_classes[i], status_class) == 0)
        gtk_widget_add_css_class (subtitle_label, status_classes[i]);
      else
        gtk_widget_remove_css_class (subtitle_label, status_classes[i]);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (item, create_row ());
  gtk_list_item_set_activatable (item, FALSE);
}

/* The preview */

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  KwBulkCsvRow *row = gtk_list_item_get_item (item);
  KwBulkCsvStatus status = kw_bulk_csv_row_get_status (row);
  g_autofree char *subtitle = kw_bulk_describe_csv_row (row);
  const char *status_class = NULL;
  const char *username = kw_bulk_csv_row_get_username (row);

  switch (status)
    {
    case KW_BULK_CSV_ROW_INVALID:
      status_class = "error";
      break;
    case KW_BULK_CSV_ROW_DUPLICATE:
      status_class = "warning";
      break;
    case KW_BULK_CSV_ROW_EMPTY:
      status_class = "dim-label";
      /* Translators: in place of a username, for a row of the file that
       * has none. */
      username = _("No username");
      break;
    case KW_BULK_CSV_ROW_OK:
    default:
      status_class = "dim-label";
      break;
    }

  set_row (item, username, status == KW_BULK_CSV_ROW_EMPTY, subtitle, status_class);
}

/**
 * kw_bulk_preview_factory_new:
 *
 * Returns: (transfer full): a factory for a GtkListView of #KwBulkCsvRow
 */
GtkListItemFactory *
kw_bulk_preview_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), NULL);

  return factory;
}

/* The run */

static KwConnection *
factory_get_connection (GtkListItemFactory *factory)
{
  return g_object_get_data (G_OBJECT (factory), "kw-connection");
}

static void
result_update (GtkListItem *item)
{
  KwBulkResetRow *row = gtk_list_item_get_item (item);
  GtkListItemFactory *factory = g_object_get_data (G_OBJECT (item), "kw-factory");
  g_autofree char *subtitle = NULL;
  const char *status_class;

  if (row == NULL)
    return;

  subtitle = kw_bulk_describe_result_row (row, factory_get_connection (factory));
  switch (kw_bulk_reset_row_get_state (row))
    {
    case KW_BULK_ROW_DONE:
      status_class = "success";
      break;
    case KW_BULK_ROW_FAILED:
      status_class = "error";
      break;
    case KW_BULK_ROW_PENDING:
    case KW_BULK_ROW_RUNNING:
    default:
      status_class = "dim-label";
      break;
    }

  set_row (item, kw_bulk_reset_row_get_username (row), FALSE, subtitle, status_class);
}

static void
result_row_notify_cb (GtkListItem *item,
                      GParamSpec  *pspec,
                      GObject     *row)
{
  result_update (item);
}

static void
result_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  KwBulkResetRow *row = gtk_list_item_get_item (item);

  /* Only rows on screen are bound, so only they listen to their row. */
  g_object_set_data (G_OBJECT (item), "kw-factory", factory);
  g_signal_connect_swapped (row, "notify", G_CALLBACK (result_row_notify_cb), item);
  result_update (item);
}

static void
result_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  KwBulkResetRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, result_row_notify_cb, item);
}

/**
 * kw_bulk_result_factory_new:
 * @connection: (nullable): the connection the run acts on
 *
 * Returns: (transfer full): a factory for a GtkListView of #KwBulkResetRow
 */
GtkListItemFactory *
kw_bulk_result_factory_new (KwConnection *connection)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (connection == NULL || KW_IS_CONNECTION (connection), NULL);

  if (connection != NULL)
    g_object_set_data_full (G_OBJECT (factory), "kw-connection", g_object_ref (connection),
                            g_object_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (result_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (result_unbind_cb), NULL);

  return factory;
}

/* Words */

/**
 * kw_bulk_describe_invalid:
 * @username: a username that kw_bulk_csv_parse() found invalid
 *
 * Returns: (transfer full): the reason, translated
 */
char *
kw_bulk_describe_invalid (const char *username)
{
  const KwShape *shape = kw_cognito_shape_lookup ("UsernameType");
  guint max = shape != NULL && shape->max > 0 ? (guint) shape->max : 128;

  g_return_val_if_fail (username != NULL, NULL);

  if ((guint) g_utf8_strlen (username, -1) > max)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %u is the most characters a username can
                                          * have. */
                                         "Too long: a username has at most %u character",
                                         "Too long: a username has at most %u characters",
                                         max),
                            max);

  for (const char *p = username; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        return g_strdup (_("Not a username: usernames have no spaces"));
    }

  return g_strdup (_("Not a username: it has a character usernames cannot have, such as a "
                     "control character"));
}

/**
 * kw_bulk_describe_csv_row:
 * @row: a row of a file
 *
 * Returns: (transfer full): the line and what happens to the row, translated
 */
char *
kw_bulk_describe_csv_row (KwBulkCsvRow *row)
{
  g_autofree char *status = NULL;

  g_return_val_if_fail (KW_IS_BULK_CSV_ROW (row), NULL);

  switch (kw_bulk_csv_row_get_status (row))
    {
    case KW_BULK_CSV_ROW_INVALID:
      status = kw_bulk_describe_invalid (kw_bulk_csv_row_get_username (row));
      break;
    case KW_BULK_CSV_ROW_DUPLICATE:
      /* Translators: the placeholder is a line number of the file. */
      status = g_strdup_printf (_("Duplicate of line %u: skipped"),
                                kw_bulk_csv_row_get_duplicate_of (row));
      break;
    case KW_BULK_CSV_ROW_EMPTY:
      status = g_strdup (_("Empty: skipped"));
      break;
    case KW_BULK_CSV_ROW_OK:
    default:
      status = g_strdup (_("Will be reset"));
      break;
    }

  /* Translators: a row of the file: its line number, then what happens to
   * it, such as "Line 3 · Will be reset". */
  return g_strdup_printf (_("Line %u · %s"), kw_bulk_csv_row_get_line (row), status);
}

/**
 * kw_bulk_describe_result_row:
 * @row: a row of a bulk reset
 * @connection: (nullable): the connection, for words about credentials
 *
 * Returns: (transfer full): how the row stands, translated
 */
char *
kw_bulk_describe_result_row (KwBulkResetRow *row,
                             KwConnection   *connection)
{
  GDateTime *time;

  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (row), NULL);

  switch (kw_bulk_reset_row_get_state (row))
    {
    case KW_BULK_ROW_RUNNING:
      return g_strdup (_("Sending…"));

    case KW_BULK_ROW_DONE:
      time = kw_bulk_reset_row_get_time (row);
      if (time != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (time);
          /* Translators: a time of day, in the format of
           * g_date_time_format(), for when a user was reset. */
          g_autofree char *when = g_date_time_format (local, _("%H:%M:%S"));

          /* Translators: the placeholder is a time of day. */
          return g_strdup_printf (_("Reset code sent at %s"), when);
        }
      return g_strdup (_("Reset code sent"));

    case KW_BULK_ROW_FAILED:
      {
        const GError *error = kw_bulk_reset_row_get_error (row);
        g_autoptr(KwUserMessage) message = NULL;
        g_autofree char *name = NULL;

        if (error == NULL)
          return g_strdup (_("Failed"));

        message = kw_user_message_new_for_error (error,
                                                 KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD,
                                                 connection);
        name = kw_bulk_reset_row_dup_error_name (row);
        if (name == NULL)
          /* Translators: the placeholder is why a user was not reset. */
          return g_strdup_printf (_("Failed: %s"), kw_user_message_get_title (message));

        /* Translators: the first placeholder is why a user was not reset,
         * the second the service's name for the error, such as
         * "UserNotFoundException". */
        return g_strdup_printf (_("Failed: %s (%s)"), kw_user_message_get_title (message), name);
      }

    case KW_BULK_ROW_PENDING:
    default:
      return g_strdup (_("Waiting"));
    }
}

/**
 * kw_bulk_format_time_left:
 * @seconds: the time left, or -1 when unknown
 *
 * Returns: (transfer full) (nullable): the time left in words, rounded
 */
char *
kw_bulk_format_time_left (double seconds)
{
  guint minutes;
  guint hours;

  if (seconds <= 0)
    return NULL;

  if (seconds < 60)
    return g_strdup (_("Less than a minute left"));

  minutes = (guint) ((seconds + 30) / 60);
  if (minutes < 90)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %u counts the minutes the bulk reset still
                                          * needs. */
                                         "About %u minute left",
                                         "About %u minutes left",
                                         minutes),
                            minutes);

  hours = (minutes + 30) / 60;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u counts the hours the bulk reset still
                                        * needs. */
                                       "About %u hour left",
                                       "About %u hours left",
                                       hours),
                          hours);
}

/**
 * kw_bulk_describe_file_error:
 * @error: why kw_bulk_csv_load_async() failed
 *
 * Returns: (transfer full): what is wrong and what to do, translated
 */
char *
kw_bulk_describe_file_error (const GError *error)
{
  guint line;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != KW_BULK_CSV_ERROR)
    /* Translators: the placeholder is the system's own message, such as
     * "No such file or directory". */
    return g_strdup_printf (_("The file cannot be read: %s"), error->message);

  line = kw_bulk_csv_error_get_line (error);

  switch ((KwBulkCsvError) error->code)
    {
    case KW_BULK_CSV_ERROR_EMPTY:
      return g_strdup (_("The file is empty. It needs usernames, one per line, in a column named "
                         "“username” or in the first column."));

    case KW_BULK_CSV_ERROR_NOT_UTF8:
      /* Translators: the placeholder is a line number. */
      return g_strdup_printf (_("Line %u is not UTF-8 text. Save the file as “CSV UTF-8” from "
                                "your spreadsheet and open it again."),
                              line);

    case KW_BULK_CSV_ERROR_UNTERMINATED_QUOTE:
      /* Translators: the placeholder is a line number. */
      return g_strdup_printf (_("A quoted field that starts on line %u never ends. Check the "
                                "quotation marks on that line."),
                              line);

    case KW_BULK_CSV_ERROR_NO_COLUMN:
      return g_strdup (_("No row has a username. Put the usernames in a column named "
                         "“username”, or in the first column."));

    case KW_BULK_CSV_ERROR_TOO_LARGE:
      return g_strdup (_("The file is far larger than a list of usernames would be. Check that "
                         "it is the right file."));

    default:
      return g_strdup (error->message);
    }
}
