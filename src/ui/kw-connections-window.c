/* kw-connections-window.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-connections-window-private.h"

#include "kw-connection-editor.h"
#include "kw-error-dialog.h"

#include <glib/gi18n-lib.h>

#define RESPONSE_CANCEL  "cancel"
#define RESPONSE_REMOVE  "remove"

G_DEFINE_FINAL_TYPE (KwConnectionsWindow, kw_connections_window, ADW_TYPE_WINDOW)

typedef struct
{
  KwConnectionsWindow *window;
  KwRetryFunc          retry;
  gpointer             data;
  GDestroyNotify       data_free;
} RetryData;

static void
retry_data_free (gpointer  user_data,
                 GClosure *closure)
{
  RetryData *retry = user_data;

  g_clear_object (&retry->window);
  if (retry->data_free != NULL)
    retry->data_free (retry->data);
  g_free (retry);
}

gboolean
_kw_connections_window_is_closed (KwConnectionsWindow *self)
{
  /* Disposing the template clears the widget pointers. */
  return self->list_box == NULL;
}

KwSecretStore *
_kw_connections_window_get_secrets (KwConnectionsWindow *self)
{
  /* Asked each time: the application moves to memory when there is no
   * keyring. */
  return kw_application_get_secret_store (self->application);
}

void
_kw_connections_window_toast (KwConnectionsWindow *self,
                              char                *title)
{
  AdwToast *toast = adw_toast_new (title);

  /* The latest news only: an older toast would hold the newer one back. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_free (title);
}

static void
kw_connections_window_error_response_cb (KwErrorDialog *dialog,
                                         const char    *response,
                                         RetryData     *retry)
{
  if (g_strcmp0 (response, KW_ERROR_DIALOG_RESPONSE_ACTION) == 0 &&
      !_kw_connections_window_is_closed (retry->window))
    retry->retry (retry->window, retry->data);
}

/* Says what went wrong, offering "Try Again" when @retry is given and the
 * error is worth it. Takes @data. */
void
_kw_connections_window_report (KwConnectionsWindow *self,
                               const GError        *error,
                               KwConnection        *connection,
                               KwRetryFunc          retry,
                               gpointer             data,
                               GDestroyNotify       data_free)
{
  g_autoptr(KwUserMessage) message = NULL;
  RetryData *retry_data;
  GtkWidget *dialog;

  message = kw_user_message_new_for_error (error, KW_COGNITO_OPERATION_FORGOT_PASSWORD,
                                           connection);
  dialog = kw_error_dialog_new (GTK_WINDOW (self), message,
                                retry != NULL &&
                                kw_user_message_get_action (message) == KW_USER_ACTION_RETRY);

  retry_data = g_new0 (RetryData, 1);
  retry_data->window = g_object_ref (self);
  retry_data->retry = retry;
  retry_data->data = data;
  retry_data->data_free = data_free;
  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (kw_connections_window_error_response_cb),
                         retry_data, retry_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The list */

static GtkWidget *
kw_connections_window_create_row (gpointer item,
                                  gpointer user_data)
{
  KwConnection *connection = KW_CONNECTION (item);
  gboolean is_system = kw_connection_get_origin (connection) == KW_CONNECTION_ORIGIN_SYSTEM;
  GVariant *target = g_variant_new_string (kw_connection_get_id (connection));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) menu_item = NULL;
  g_autofree char *place = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *menu_button;
  GtkWidget *row;

  g_variant_ref_sink (target);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kw_connection_get_name (connection));

  if (kw_connection_get_user_pool_id (connection) != NULL)
    /* Translators: a connection's user pool id and its region, such as
     * “eu-west-1_AbCdEf123 · eu-west-1”. */
    place = g_strdup_printf (_("%s · %s"), kw_connection_get_user_pool_id (connection),
                             kw_connection_get_region (connection));
  else
    place = g_strdup (kw_connection_get_region (connection));

  if (is_system)
    /* Translators: the first line is where the connection leads, such as
     * “eu-west-1_AbCdEf123 · eu-west-1”. */
    subtitle = g_strdup_printf (_("%s\nProvided by your administrator"), place);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), is_system ? subtitle : place);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "connections.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);

  if (is_system)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Provided by your administrator"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), lock);
    }

  menu_item = g_menu_item_new (is_system ? _("_View") : _("_Edit…"), NULL);
  g_menu_item_set_action_and_target_value (menu_item, "connections.open", target);
  g_menu_append_item (menu, menu_item);
  g_clear_object (&menu_item);

  menu_item = g_menu_item_new (_("E_xport…"), NULL);
  g_menu_item_set_action_and_target_value (menu_item, "connections.export", target);
  g_menu_append_item (menu, menu_item);
  g_clear_object (&menu_item);

  /* The administrator's connections stay. */
  if (!is_system)
    {
      menu_item = g_menu_item_new (_("_Remove…"), NULL);
      g_menu_item_set_action_and_target_value (menu_item, "connections.remove", target);
      g_menu_append_item (menu, menu_item);
    }

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("More Actions"));
  gtk_widget_add_css_class (menu_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_variant_unref (target);

  return row;
}

static void
kw_connections_window_update (KwConnectionsWindow *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;
  gboolean demo = kw_application_get_demo (self->application) != NULL;

  if (_kw_connections_window_is_closed (self))
    return;

  gtk_stack_set_visible_child (self->stack, any ? self->list_page : GTK_WIDGET (self->empty_page));

  /* The wizard shows the demo's connections while it runs: say why these
   * are not the ones it offers. */
  if (demo)
    {
      adw_status_page_set_description (self->empty_page,
                                       _("The demo is running, with made-up connections of its "
                                         "own that cannot be changed. Connections you add here "
                                         "are used once you leave the demo."));
      adw_preferences_group_set_description (self->list_group,
                                             _("The demo is running, with made-up connections "
                                               "of its own. These saved connections are used "
                                               "once you leave the demo."));
    }
  else
    {
      adw_status_page_set_description (self->empty_page,
                                       _("A connection tells Keyway where your account is "
                                         "kept. Import the connection file your administrator "
                                         "gave you, or add a connection by hand."));
      adw_preferences_group_set_description (self->list_group, NULL);
    }

  gtk_widget_set_visible (self->leave_demo_button, demo);
  gtk_widget_set_visible (self->empty_leave_demo_button, demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connections.leave-demo", demo);
}

static void
kw_connections_window_items_changed_cb (KwConnectionsWindow *self,
                                        guint                position,
                                        guint                removed,
                                        guint                added,
                                        GListModel          *model)
{
  kw_connections_window_update (self);
}

static void
kw_connections_window_demo_changed_cb (KwConnectionsWindow *self,
                                       GParamSpec          *pspec,
                                       KwApplication       *application)
{
  kw_connections_window_update (self);
}

/* Returns: (transfer none) (nullable): the connection the action is for */
KwConnection *
_kw_connections_window_lookup_target (KwConnectionsWindow *self,
                                      GVariant            *param)
{
  return kw_connection_store_lookup (self->store, g_variant_get_string (param, NULL));
}

/* Adding, editing and viewing */

static void
kw_connections_window_saved_cb (KwConnectionsWindow *self,
                                KwConnection        *connection,
                                KwConnectionEditor  *editor)
{
  g_autofree char *escaped = NULL;

  if (_kw_connections_window_is_closed (self))
    return;

  escaped = g_markup_escape_text (kw_connection_get_name (connection), -1);
  /* Translators: the placeholder is a connection's name. */
  _kw_connections_window_toast (self, g_strdup_printf (_("Saved “%s”"), escaped));
}

static void
kw_connections_window_open_editor (KwConnectionsWindow *self,
                                   KwConnection        *connection)
{
  KwConnectionEditor *editor;

  editor = kw_connection_editor_new (GTK_WINDOW (self), self->store,
                                     _kw_connections_window_get_secrets (self), connection);
  g_signal_connect_object (editor, "saved",
                           G_CALLBACK (kw_connections_window_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
kw_connections_window_add_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  kw_connections_window_open_editor (KW_CONNECTIONS_WINDOW (widget), NULL);
}

static void
kw_connections_window_open_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (widget);
  KwConnection *connection = _kw_connections_window_lookup_target (self, param);

  if (connection != NULL)
    kw_connections_window_open_editor (self, connection);
}

static void
kw_connections_window_leave_demo_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (widget);

  kw_application_stop_demo (self->application);
}

/* Removing */

typedef struct
{
  KwConnectionsWindow *window;
  KwConnection        *connection;
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->connection);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemoveData, remove_data_free)

static void kw_connections_window_remove (KwConnectionsWindow *self,
                                          gpointer             user_data);

static void
kw_connections_window_remove_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(RemoveData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  KwConnectionsWindow *self = data->window;

  if (!kw_connection_store_remove_finish (KW_CONNECTION_STORE (object), result, &error))
    {
      if (!_kw_connections_window_is_closed (self))
        _kw_connections_window_report (self, error, data->connection,
                                       kw_connections_window_remove,
                                       g_object_ref (data->connection), g_object_unref);
      return;
    }

  if (_kw_connections_window_is_closed (self))
    return;

  escaped = g_markup_escape_text (kw_connection_get_name (data->connection), -1);
  /* Translators: the placeholder is a connection's name. */
  _kw_connections_window_toast (self, g_strdup_printf (_("Removed “%s”"), escaped));
}

/* Removes @user_data, a KwConnection, and its client secret. */
static void
kw_connections_window_remove (KwConnectionsWindow *self,
                              gpointer             user_data)
{
  KwConnection *connection = KW_CONNECTION (user_data);
  RemoveData *data = g_new0 (RemoveData, 1);

  data->window = g_object_ref (self);
  data->connection = g_object_ref (connection);

  /* Not cancelled on closing: a removal goes through, secret included. */
  kw_connection_store_remove_async (self->store, kw_connection_get_id (connection),
                                    _kw_connections_window_get_secrets (self), NULL,
                                    kw_connections_window_remove_cb, data);
}

static void
kw_connections_window_remove_response_cb (AdwMessageDialog    *dialog,
                                          const char          *response,
                                          KwConnectionsWindow *self)
{
  KwConnection *connection = g_object_get_data (G_OBJECT (dialog), "connection");

  if (g_strcmp0 (response, RESPONSE_REMOVE) == 0 && !_kw_connections_window_is_closed (self))
    kw_connections_window_remove (self, connection);
}

/* Whether another connection keeps its secret in the same keyring item,
 * which removing this one then leaves in place. */
static gboolean
kw_connections_window_secret_is_shared (KwConnectionsWindow *self,
                                        KwConnection        *connection)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KwConnection) other = g_list_model_get_item (model, i);

      if (other != connection &&
          kw_connection_get_has_client_secret (other) &&
          g_strcmp0 (kw_connection_get_region (other),
                     kw_connection_get_region (connection)) == 0 &&
          g_strcmp0 (kw_connection_get_client_id (other),
                     kw_connection_get_client_id (connection)) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
kw_connections_window_remove_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (widget);
  KwConnection *connection = _kw_connections_window_lookup_target (self, param);
  AdwMessageDialog *dialog;
  const char *body;

  if (connection == NULL || kw_connection_get_origin (connection) != KW_CONNECTION_ORIGIN_USER)
    return;

  if (!kw_connection_get_has_client_secret (connection))
    body = _("Keyway forgets this connection. To use it again, you will need its connection "
             "file or its settings.");
  else if (kw_connections_window_secret_is_shared (self, connection))
    body = _("Keyway forgets this connection. Its client secret stays in your keyring for "
             "the other connections to the same app client.");
  else
    body = _("Keyway forgets this connection, and its client secret is removed from your "
             "keyring too.");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, body));
  /* Translators: the placeholder is a connection's name. */
  adw_message_dialog_format_heading (dialog, _("Remove “%s”?"),
                                     kw_connection_get_name (connection));
  adw_message_dialog_add_responses (dialog,
                                    RESPONSE_CANCEL, _("_Cancel"),
                                    RESPONSE_REMOVE, _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, RESPONSE_REMOVE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (dialog, RESPONSE_CANCEL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  g_object_set_data_full (G_OBJECT (dialog), "connection", g_object_ref (connection),
                          g_object_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (kw_connections_window_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static gboolean
kw_connections_window_close_request (GtkWindow *window)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (window);

  /* Reading and writing files ends with the window; changes to the
   * connections themselves run to their end. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (kw_connections_window_parent_class)->close_request (window);
}

static void
kw_connections_window_dispose (GObject *object)
{
  KwConnectionsWindow *self = KW_CONNECTIONS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_CONNECTIONS_WINDOW);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (kw_connections_window_parent_class)->dispose (object);
}

static void
kw_connections_window_class_init (KwConnectionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kw_connections_window_dispose;

  window_class->close_request = kw_connections_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/"
                                               "kw-connections-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow,
                                        empty_leave_demo_button);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow, list_page);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow, list_group);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow, leave_demo_button);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionsWindow, list_box);

  gtk_widget_class_install_action (widget_class, "connections.add", NULL,
                                   kw_connections_window_add_action);
  gtk_widget_class_install_action (widget_class, "connections.import", NULL,
                                   _kw_connections_window_import_action);
  gtk_widget_class_install_action (widget_class, "connections.open", "s",
                                   kw_connections_window_open_action);
  gtk_widget_class_install_action (widget_class, "connections.export", "s",
                                   _kw_connections_window_export_action);
  gtk_widget_class_install_action (widget_class, "connections.remove", "s",
                                   kw_connections_window_remove_action);
  gtk_widget_class_install_action (widget_class, "connections.leave-demo", NULL,
                                   kw_connections_window_leave_demo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "connections.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "connections.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_connections_window_init (KwConnectionsWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * kw_connections_window_new:
 * @application: the application, whose saved connections it shows
 *
 * Returns: (transfer full): the window, not shown yet
 */
KwConnectionsWindow *
kw_connections_window_new (KwApplication *application)
{
  KwConnectionsWindow *self;

  g_return_val_if_fail (KW_IS_APPLICATION (application), NULL);

  self = g_object_new (KW_TYPE_CONNECTIONS_WINDOW, "application", application, NULL);
  self->application = g_object_ref (application);
  self->store = g_object_ref (kw_application_get_connection_store (application));

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->store),
                           kw_connections_window_create_row, NULL, NULL);
  g_signal_connect_object (self->store, "items-changed",
                           G_CALLBACK (kw_connections_window_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::demo",
                           G_CALLBACK (kw_connections_window_demo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  kw_connections_window_update (self);

  return self;
}
