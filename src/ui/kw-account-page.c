/* kw-account-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-account-page.h"

#include <glib/gi18n-lib.h>

struct _KwAccountPage
{
  KwWizardPage  parent_instance;

  /* Template widgets */
  AdwComboRow  *connection_row;
  AdwEntryRow  *username_row;
  GtkLabel     *error_label;
  GtkLabel     *hint_label;

  /* Owned references */
  GListModel   *connections;
  char         *hint;
};

G_DEFINE_FINAL_TYPE (KwAccountPage, kw_account_page, KW_TYPE_WIZARD_PAGE)

enum {
  PROP_0,
  PROP_CONNECTIONS,
  PROP_CONNECTION,
  PROP_HINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_account_page_update_chooser (KwAccountPage *self)
{
  guint n_items = 0;

  if (self->connections != NULL)
    n_items = g_list_model_get_n_items (self->connections);

  /* With one connection there is nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->connection_row), n_items > 1);
}

static void
connections_items_changed_cb (KwAccountPage *self,
                              guint          position,
                              guint          removed,
                              guint          added,
                              GListModel    *model)
{
  g_assert (KW_IS_ACCOUNT_PAGE (self));

  kw_account_page_update_chooser (self);
}

static void
connection_row_selected_cb (KwAccountPage *self,
                            GParamSpec    *pspec,
                            AdwComboRow   *row)
{
  g_assert (KW_IS_ACCOUNT_PAGE (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

static void
username_row_changed_cb (KwAccountPage *self,
                         GtkEditable   *editable)
{
  const char *text = gtk_editable_get_text (editable);

  g_assert (KW_IS_ACCOUNT_PAGE (self));

  /* A field that only holds spaces is complete enough to press Next, which
   * then says why it cannot go on. */
  kw_wizard_page_set_complete (KW_WIZARD_PAGE (self), text != NULL && text[0] != '\0');
  kw_wizard_page_set_field_error (GTK_WIDGET (self->username_row), self->error_label, NULL);
}

static void
kw_account_page_request_code_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  KwRecoveryFlow *flow = KW_RECOVERY_FLOW (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!kw_recovery_flow_request_code_finish (flow, result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
kw_account_page_apply_async (KwWizardPage        *page,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  KwAccountPage *self = KW_ACCOUNT_PAGE (page);
  KwRecoveryFlow *flow = kw_wizard_page_get_flow (page);
  g_autoptr(GTask) task = NULL;
  g_autofree char *username = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_account_page_apply_async);

  username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  if (username[0] == '\0')
    {
      kw_wizard_page_set_field_error (GTK_WIDGET (self->username_row), self->error_label,
                                      _("Enter the username or email address of your account."));
      g_task_return_new_error (task, KW_WIZARD_PAGE_ERROR, KW_WIZARD_PAGE_ERROR_INVALID_INPUT,
                               "The username is empty");
      return;
    }

  g_assert (KW_IS_RECOVERY_FLOW (flow));

  /* Setting the same name again would send the flow back to idle for
   * nothing; a new name must, since any code sent was for the old one. */
  if (g_strcmp0 (kw_recovery_flow_get_username (flow), username) != 0)
    kw_recovery_flow_set_username (flow, username);

  kw_recovery_flow_request_code_async (flow, cancellable,
                                       kw_account_page_request_code_cb,
                                       g_steal_pointer (&task));
}

static gboolean
kw_account_page_apply_finish (KwWizardPage  *page,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static GtkWidget *
kw_account_page_get_initial_focus (KwWizardPage *page)
{
  return GTK_WIDGET (KW_ACCOUNT_PAGE (page)->username_row);
}

static void
kw_account_page_shown (KwWizardPage *page)
{
  KwAccountPage *self = KW_ACCOUNT_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  /* Coming back to correct the name: make replacing it one keystroke. */
  gtk_editable_select_region (GTK_EDITABLE (self->username_row), 0, -1);
}

static void
kw_account_page_reset (KwWizardPage *page)
{
  KwAccountPage *self = KW_ACCOUNT_PAGE (page);

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
  kw_wizard_page_set_field_error (GTK_WIDGET (self->username_row), self->error_label, NULL);
}

static void
kw_account_page_dispose (GObject *object)
{
  KwAccountPage *self = KW_ACCOUNT_PAGE (object);

  if (self->connections != NULL)
    g_signal_handlers_disconnect_by_func (self->connections, connections_items_changed_cb, self);
  g_clear_object (&self->connections);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_ACCOUNT_PAGE);

  G_OBJECT_CLASS (kw_account_page_parent_class)->dispose (object);
}

static void
kw_account_page_finalize (GObject *object)
{
  KwAccountPage *self = KW_ACCOUNT_PAGE (object);

  g_free (self->hint);

  G_OBJECT_CLASS (kw_account_page_parent_class)->finalize (object);
}

static void
kw_account_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KwAccountPage *self = KW_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTIONS:
      g_value_set_object (value, self->connections);
      break;

    case PROP_CONNECTION:
      g_value_set_object (value, kw_account_page_get_connection (self));
      break;

    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_account_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KwAccountPage *self = KW_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTIONS:
      kw_account_page_set_connections (self, g_value_get_object (value));
      break;

    case PROP_HINT:
      kw_account_page_set_hint (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_account_page_class_init (KwAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KwWizardPageClass *page_class = KW_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = kw_account_page_dispose;
  object_class->finalize = kw_account_page_finalize;
  object_class->get_property = kw_account_page_get_property;
  object_class->set_property = kw_account_page_set_property;

  page_class->apply_async = kw_account_page_apply_async;
  page_class->apply_finish = kw_account_page_apply_finish;
  page_class->get_initial_focus = kw_account_page_get_initial_focus;
  page_class->shown = kw_account_page_shown;
  page_class->reset = kw_account_page_reset;

  properties[PROP_CONNECTIONS] =
    g_param_spec_object ("connections", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         KW_TYPE_CONNECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KW_TYPE_CONNECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwAccountPage, connection_row);
  gtk_widget_class_bind_template_child (widget_class, KwAccountPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, KwAccountPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KwAccountPage, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, connection_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, username_row_changed_cb);
}

static void
kw_account_page_init (KwAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kw_account_page_new (void)
{
  return g_object_new (KW_TYPE_ACCOUNT_PAGE, NULL);
}

GListModel *
kw_account_page_get_connections (KwAccountPage *self)
{
  g_return_val_if_fail (KW_IS_ACCOUNT_PAGE (self), NULL);

  return self->connections;
}

void
kw_account_page_set_connections (KwAccountPage *self,
                                 GListModel    *connections)
{
  g_return_if_fail (KW_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (connections == NULL || G_IS_LIST_MODEL (connections));

  if (self->connections == connections)
    return;

  if (self->connections != NULL)
    g_signal_handlers_disconnect_by_func (self->connections, connections_items_changed_cb, self);

  g_set_object (&self->connections, connections);

  if (connections != NULL)
    g_signal_connect_object (connections, "items-changed",
                             G_CALLBACK (connections_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  adw_combo_row_set_model (self->connection_row, connections);
  kw_account_page_update_chooser (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTIONS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

KwConnection *
kw_account_page_get_connection (KwAccountPage *self)
{
  g_return_val_if_fail (KW_IS_ACCOUNT_PAGE (self), NULL);

  return adw_combo_row_get_selected_item (self->connection_row);
}

/**
 * kw_account_page_select_connection:
 * @self: the page
 * @connection: a connection of KwAccountPage:connections, compared by id
 *
 * Returns: %FALSE when the model has no connection with that id
 */
gboolean
kw_account_page_select_connection (KwAccountPage *self,
                                   KwConnection  *connection)
{
  guint n_items;

  g_return_val_if_fail (KW_IS_ACCOUNT_PAGE (self), FALSE);
  g_return_val_if_fail (KW_IS_CONNECTION (connection), FALSE);

  if (self->connections == NULL)
    return FALSE;

  n_items = g_list_model_get_n_items (self->connections);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KwConnection) item = g_list_model_get_item (self->connections, i);

      if (g_strcmp0 (kw_connection_get_id (item), kw_connection_get_id (connection)) == 0)
        {
          adw_combo_row_set_selected (self->connection_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

const char *
kw_account_page_get_hint (KwAccountPage *self)
{
  g_return_val_if_fail (KW_IS_ACCOUNT_PAGE (self), NULL);

  return self->hint;
}

void
kw_account_page_set_hint (KwAccountPage *self,
                          const char    *hint)
{
  g_return_if_fail (KW_IS_ACCOUNT_PAGE (self));

  if (g_strcmp0 (self->hint, hint) == 0)
    return;

  g_free (self->hint);
  self->hint = g_strdup (hint);

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}
