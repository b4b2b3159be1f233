/* kw-wizard-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-wizard-page.h"

typedef struct
{
  char           *title;
  char           *next_label;
  KwRecoveryFlow *flow;
  guint           complete : 1;
  guint           busy : 1;
  guint           can_go_back : 1;
} KwWizardPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KwWizardPage, kw_wizard_page, ADW_TYPE_BIN)

G_DEFINE_QUARK (kw-wizard-page-error-quark, kw_wizard_page_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_BUSY,
  PROP_NEXT_LABEL,
  PROP_CAN_GO_BACK,
  PROP_FLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
kw_wizard_page_real_get_initial_focus (KwWizardPage *self)
{
  return NULL;
}

static void
kw_wizard_page_real_shown (KwWizardPage *self)
{
  GtkWidget *focus = kw_wizard_page_get_initial_focus (self);

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
kw_wizard_page_dispose (GObject *object)
{
  KwWizardPage *self = KW_WIZARD_PAGE (object);
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_clear_object (&priv->flow);

  G_OBJECT_CLASS (kw_wizard_page_parent_class)->dispose (object);
}

static void
kw_wizard_page_finalize (GObject *object)
{
  KwWizardPage *self = KW_WIZARD_PAGE (object);
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->next_label);

  G_OBJECT_CLASS (kw_wizard_page_parent_class)->finalize (object);
}

static void
kw_wizard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KwWizardPage *self = KW_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, kw_wizard_page_get_title (self));
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, kw_wizard_page_get_complete (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, kw_wizard_page_get_busy (self));
      break;

    case PROP_NEXT_LABEL:
      g_value_set_string (value, kw_wizard_page_get_next_label (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, kw_wizard_page_get_can_go_back (self));
      break;

    case PROP_FLOW:
      g_value_set_object (value, kw_wizard_page_get_flow (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_wizard_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KwWizardPage *self = KW_WIZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kw_wizard_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_COMPLETE:
      kw_wizard_page_set_complete (self, g_value_get_boolean (value));
      break;

    case PROP_BUSY:
      kw_wizard_page_set_busy (self, g_value_get_boolean (value));
      break;

    case PROP_NEXT_LABEL:
      kw_wizard_page_set_next_label (self, g_value_get_string (value));
      break;

    case PROP_CAN_GO_BACK:
      kw_wizard_page_set_can_go_back (self, g_value_get_boolean (value));
      break;

    case PROP_FLOW:
      kw_wizard_page_set_flow (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_wizard_page_class_init (KwWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_wizard_page_dispose;
  object_class->finalize = kw_wizard_page_finalize;
  object_class->get_property = kw_wizard_page_get_property;
  object_class->set_property = kw_wizard_page_set_property;

  klass->shown = kw_wizard_page_real_shown;
  klass->get_initial_focus = kw_wizard_page_real_get_initial_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NEXT_LABEL] =
    g_param_spec_string ("next-label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FLOW] =
    g_param_spec_object ("flow", NULL, NULL,
                         KW_TYPE_RECOVERY_FLOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_wizard_page_init (KwWizardPage *self)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  priv->can_go_back = TRUE;
}

const char *
kw_wizard_page_get_title (KwWizardPage *self)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), NULL);

  return priv->title;
}

void
kw_wizard_page_set_title (KwWizardPage *self,
                          const char   *title)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_if_fail (KW_IS_WIZARD_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
kw_wizard_page_get_complete (KwWizardPage *self)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), FALSE);

  return priv->complete;
}

void
kw_wizard_page_set_complete (KwWizardPage *self,
                             gboolean      complete)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_if_fail (KW_IS_WIZARD_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

gboolean
kw_wizard_page_get_busy (KwWizardPage *self)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), FALSE);

  return priv->busy;
}

/**
 * kw_wizard_page_set_busy:
 * @self: a page
 * @busy: whether a request of this step is in flight
 *
 * The page is busy while its apply step runs; the host also marks it busy
 * while it runs another request on the page's behalf (sending a new code),
 * so that the page's fields are insensitive meanwhile.
 */
void
kw_wizard_page_set_busy (KwWizardPage *self,
                         gboolean      busy)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_if_fail (KW_IS_WIZARD_PAGE (self));

  busy = !!busy;
  if (priv->busy == busy)
    return;

  priv->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

const char *
kw_wizard_page_get_next_label (KwWizardPage *self)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), NULL);

  return priv->next_label;
}

void
kw_wizard_page_set_next_label (KwWizardPage *self,
                               const char   *next_label)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_if_fail (KW_IS_WIZARD_PAGE (self));

  if (g_strcmp0 (priv->next_label, next_label) == 0)
    return;

  g_free (priv->next_label);
  priv->next_label = g_strdup (next_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_LABEL]);
}

gboolean
kw_wizard_page_get_can_go_back (KwWizardPage *self)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), FALSE);

  return priv->can_go_back;
}

void
kw_wizard_page_set_can_go_back (KwWizardPage *self,
                                gboolean      can_go_back)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_if_fail (KW_IS_WIZARD_PAGE (self));

  can_go_back = !!can_go_back;
  if (priv->can_go_back == can_go_back)
    return;

  priv->can_go_back = can_go_back;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

KwRecoveryFlow *
kw_wizard_page_get_flow (KwWizardPage *self)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), NULL);

  return priv->flow;
}

void
kw_wizard_page_set_flow (KwWizardPage   *self,
                         KwRecoveryFlow *flow)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);

  g_return_if_fail (KW_IS_WIZARD_PAGE (self));
  g_return_if_fail (flow == NULL || KW_IS_RECOVERY_FLOW (flow));

  if (g_set_object (&priv->flow, flow))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW]);
}

static void
kw_wizard_page_apply_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  KwWizardPage *self = KW_WIZARD_PAGE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (G_IS_TASK (task));

  /* Not busy any more before the host hears of the outcome, so that it can
   * start the next step's work from its callback. */
  kw_wizard_page_set_busy (self, FALSE);

  if (!KW_WIZARD_PAGE_GET_CLASS (self)->apply_finish (self, result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kw_wizard_page_apply_async:
 * @self: a page
 * @cancellable: (nullable): cancels the step's request
 * @callback: called when the step is done
 * @user_data: data for @callback
 *
 * Runs the page's apply step; the page is busy until it ends. The host
 * advances to the next page only when kw_wizard_page_apply_finish() says it
 * succeeded.
 */
void
kw_wizard_page_apply_async (KwWizardPage        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  KwWizardPagePrivate *priv = kw_wizard_page_get_instance_private (self);
  KwWizardPageClass *klass;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KW_IS_WIZARD_PAGE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!priv->busy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_wizard_page_apply_async);

  klass = KW_WIZARD_PAGE_GET_CLASS (self);
  if (klass->apply_async == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  kw_wizard_page_set_busy (self, TRUE);
  klass->apply_async (self, cancellable, kw_wizard_page_apply_cb, g_steal_pointer (&task));
}

gboolean
kw_wizard_page_apply_finish (KwWizardPage  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_wizard_page_apply_async,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
kw_wizard_page_shown (KwWizardPage *self)
{
  g_return_if_fail (KW_IS_WIZARD_PAGE (self));

  if (KW_WIZARD_PAGE_GET_CLASS (self)->shown != NULL)
    KW_WIZARD_PAGE_GET_CLASS (self)->shown (self);
}

GtkWidget *
kw_wizard_page_get_initial_focus (KwWizardPage *self)
{
  g_return_val_if_fail (KW_IS_WIZARD_PAGE (self), NULL);

  return KW_WIZARD_PAGE_GET_CLASS (self)->get_initial_focus (self);
}

void
kw_wizard_page_reset (KwWizardPage *self)
{
  g_return_if_fail (KW_IS_WIZARD_PAGE (self));

  if (KW_WIZARD_PAGE_GET_CLASS (self)->reset != NULL)
    KW_WIZARD_PAGE_GET_CLASS (self)->reset (self);
}

void
kw_wizard_page_set_field_error (GtkWidget  *row,
                                GtkLabel   *caption,
                                const char *message)
{
  GtkAccessible *accessibles[2] = { GTK_ACCESSIBLE (row), NULL };

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LABEL (caption));

  /* The text inside an entry row is what has the focus, so a screen reader
   * must find the state there as well as on the row. */
  if (GTK_IS_EDITABLE (row) && gtk_editable_get_delegate (GTK_EDITABLE (row)) != NULL)
    accessibles[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  for (guint i = 0; i < G_N_ELEMENTS (accessibles) && accessibles[i] != NULL; i++)
    {
      if (message != NULL)
        {
          gtk_accessible_update_state (accessibles[i],
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          gtk_accessible_update_property (accessibles[i],
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                          -1);
        }
      else
        {
          gtk_accessible_reset_state (accessibles[i], GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (accessibles[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }

  gtk_label_set_text (caption, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (caption), message != NULL);
}
