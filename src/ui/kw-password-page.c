/* kw-password-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-password-page.h"

#include "kw-password-check.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  KwPasswordRules  rule;   /* NONE: the item that says both fields match */
  GtkWidget       *box;
  GtkImage        *image;
  GtkLabel        *label;
} RuleItem;

struct _KwPasswordPage
{
  KwWizardPage     parent_instance;

  /* Template widgets */
  AdwEntryRow     *password_row;
  AdwEntryRow     *confirm_row;
  GtkLabel        *server_label;
  GtkBox          *rules_box;

  /* Owned references */
  KwPasswordCheck *check;
  GArray          *items;
  char            *code;
};

G_DEFINE_FINAL_TYPE (KwPasswordPage, kw_password_page, KW_TYPE_WIZARD_PAGE)

static void
kw_password_page_update_items (KwPasswordPage *self)
{
  KwPasswordRules satisfied = kw_password_check_get_satisfied (self->check);
  gboolean matches = kw_password_check_get_matches (self->check);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  /* An empty field has no spaces, yet a tick for it before anything is
   * typed would only say that nothing was done. */
  if (password[0] == '\0')
    satisfied = KW_PASSWORD_RULE_NONE;

  for (guint i = 0; i < self->items->len; i++)
    {
      RuleItem *item = &g_array_index (self->items, RuleItem, i);
      gboolean met = item->rule != KW_PASSWORD_RULE_NONE ? (satisfied & item->rule) != 0 : matches;

      gtk_image_set_from_icon_name (item->image, met ? "object-select-symbolic" : "radio-symbolic");
      if (met)
        {
          gtk_widget_add_css_class (GTK_WIDGET (item->image), "success");
          gtk_widget_remove_css_class (GTK_WIDGET (item->image), "dim-label");
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (item->image), "dim-label");
          gtk_widget_remove_css_class (GTK_WIDGET (item->image), "success");
        }

      /* The icon is decoration; this is how a screen reader hears it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      met ? _("Met") : _("Not met yet"),
                                      -1);
    }
}

static void
kw_password_page_update_server_reason (KwPasswordPage *self)
{
  const char *reason = kw_password_check_get_server_reason (self->check);
  g_autofree char *text = NULL;

  if (reason != NULL)
    /* Translators: the placeholder is the service's own reason, in English. */
    text = g_strdup_printf (_("The service refused this password: %s"), reason);

  kw_wizard_page_set_field_error (GTK_WIDGET (self->password_row), self->server_label, text);
}

static void
kw_password_page_add_item (KwPasswordPage *self,
                           KwPasswordRules rule,
                           const char     *text)
{
  RuleItem item = { rule, NULL, NULL, NULL };

  item.box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  item.image = GTK_IMAGE (gtk_image_new ());
  item.label = GTK_LABEL (gtk_label_new (text));
  gtk_label_set_wrap (item.label, TRUE);
  gtk_label_set_xalign (item.label, 0.0f);
  gtk_widget_set_hexpand (GTK_WIDGET (item.label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (item.image), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (item.box), GTK_WIDGET (item.image));
  gtk_box_append (GTK_BOX (item.box), GTK_WIDGET (item.label));
  gtk_box_append (self->rules_box, item.box);

  g_array_append_val (self->items, item);
}

static void
kw_password_page_rebuild_items (KwPasswordPage *self)
{
  const KwPasswordPolicy *policy = kw_password_check_get_policy (self->check);
  KwPasswordRules rules = kw_password_policy_get_rules (policy);

  for (guint i = 0; i < self->items->len; i++)
    gtk_box_remove (self->rules_box, g_array_index (self->items, RuleItem, i).box);
  g_array_set_size (self->items, 0);

  for (guint bit = KW_PASSWORD_RULE_LENGTH; bit <= KW_PASSWORD_RULE_NO_SPACE; bit <<= 1)
    {
      g_autofree char *text = NULL;

      if ((rules & bit) == 0)
        continue;

      text = kw_password_rule_describe ((KwPasswordRules) bit, policy);
      kw_password_page_add_item (self, (KwPasswordRules) bit, text);
    }

  kw_password_page_add_item (self, KW_PASSWORD_RULE_NONE, _("The same password in both fields"));
  kw_password_page_update_items (self);
}

static void
kw_password_page_flow_changed (KwPasswordPage *self)
{
  KwRecoveryFlow *flow = kw_wizard_page_get_flow (KW_WIZARD_PAGE (self));
  g_autoptr(KwPasswordPolicy) fallback = NULL;
  const KwPasswordPolicy *policy = NULL;

  g_assert (KW_IS_PASSWORD_PAGE (self));

  if (flow != NULL)
    policy = kw_connection_get_password_policy (kw_recovery_flow_get_connection (flow));
  if (policy == NULL)
    policy = fallback = kw_password_policy_new_default ();

  if (self->check != NULL &&
      kw_password_policy_equal (kw_password_check_get_policy (self->check), policy))
    return;

  if (self->check != NULL)
    g_signal_handlers_disconnect_by_data (self->check, self);
  g_clear_object (&self->check);

  self->check = kw_password_check_new (policy);
  g_signal_connect_object (self->check, "notify::satisfied",
                           G_CALLBACK (kw_password_page_update_items), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->check, "notify::matches",
                           G_CALLBACK (kw_password_page_update_items), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->check, "notify::server-reason",
                           G_CALLBACK (kw_password_page_update_server_reason), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->check, "acceptable", self, "complete", G_BINDING_SYNC_CREATE);

  kw_password_check_set_password (self->check,
                                  gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  kw_password_check_set_confirmation (self->check,
                                      gtk_editable_get_text (GTK_EDITABLE (self->confirm_row)));

  kw_password_page_rebuild_items (self);
  kw_password_page_update_server_reason (self);
}

static void
password_row_changed_cb (KwPasswordPage *self,
                         GtkEditable    *editable)
{
  g_assert (KW_IS_PASSWORD_PAGE (self));

  kw_password_check_set_password (self->check, gtk_editable_get_text (editable));
  /* Whether the field is empty counts too, and the check does not say. */
  kw_password_page_update_items (self);
}

static void
confirm_row_changed_cb (KwPasswordPage *self,
                        GtkEditable    *editable)
{
  g_assert (KW_IS_PASSWORD_PAGE (self));

  kw_password_check_set_confirmation (self->check, gtk_editable_get_text (editable));
}

static void
password_row_activated_cb (KwPasswordPage *self,
                           AdwEntryRow    *row)
{
  g_assert (KW_IS_PASSWORD_PAGE (self));

  /* Both filled in already (coming back from the code page): Enter goes
   * on, as it would from the second field. */
  if (kw_wizard_page_get_complete (KW_WIZARD_PAGE (self)))
    gtk_widget_activate_default (GTK_WIDGET (self));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
}

static void
kw_password_page_confirm_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  KwRecoveryFlow *flow = KW_RECOVERY_FLOW (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  KwPasswordPage *self = g_task_get_source_object (task);

  if (kw_recovery_flow_confirm_finish (flow, result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The service's verdict stays next to the fields until they change. */
  if (g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PASSWORD) ||
      g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION))
    kw_password_check_set_server_reason (self->check,
                                         error->message[0] != '\0'
                                           ? error->message
                                           : _("the password does not meet the policy"));

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
kw_password_page_apply_async (KwWizardPage        *page,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  KwPasswordPage *self = KW_PASSWORD_PAGE (page);
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_password_page_apply_async);

  /* Next is off until then; this guards the host's own mistakes. */
  if (self->code == NULL || !kw_password_check_get_acceptable (self->check))
    {
      g_task_return_new_error (task, KW_WIZARD_PAGE_ERROR, KW_WIZARD_PAGE_ERROR_INVALID_INPUT,
                               "No code, or the password is not acceptable");
      return;
    }

  kw_recovery_flow_confirm_async (kw_wizard_page_get_flow (page),
                                  self->code,
                                  gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                  cancellable,
                                  kw_password_page_confirm_cb,
                                  g_steal_pointer (&task));
}

static gboolean
kw_password_page_apply_finish (KwWizardPage  *page,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static GtkWidget *
kw_password_page_get_initial_focus (KwWizardPage *page)
{
  return GTK_WIDGET (KW_PASSWORD_PAGE (page)->password_row);
}

static void
kw_password_page_reset (KwWizardPage *page)
{
  KwPasswordPage *self = KW_PASSWORD_PAGE (page);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  kw_password_page_set_code (self, NULL);
}

static void
kw_password_page_dispose (GObject *object)
{
  KwPasswordPage *self = KW_PASSWORD_PAGE (object);

  if (self->check != NULL)
    g_signal_handlers_disconnect_by_data (self->check, self);
  g_clear_object (&self->check);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_PASSWORD_PAGE);

  G_OBJECT_CLASS (kw_password_page_parent_class)->dispose (object);
}

static void
kw_password_page_finalize (GObject *object)
{
  KwPasswordPage *self = KW_PASSWORD_PAGE (object);

  g_clear_pointer (&self->code, kw_secret_free);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (kw_password_page_parent_class)->finalize (object);
}

static void
kw_password_page_class_init (KwPasswordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KwWizardPageClass *page_class = KW_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = kw_password_page_dispose;
  object_class->finalize = kw_password_page_finalize;

  page_class->apply_async = kw_password_page_apply_async;
  page_class->apply_finish = kw_password_page_apply_finish;
  page_class->get_initial_focus = kw_password_page_get_initial_focus;
  page_class->reset = kw_password_page_reset;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-password-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwPasswordPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, KwPasswordPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, KwPasswordPage, server_label);
  gtk_widget_class_bind_template_child (widget_class, KwPasswordPage, rules_box);
  gtk_widget_class_bind_template_callback (widget_class, password_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_row_activated_cb);
}

static void
kw_password_page_init (KwPasswordPage *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (RuleItem));

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::flow", G_CALLBACK (kw_password_page_flow_changed), NULL);
  kw_password_page_flow_changed (self);
}

GtkWidget *
kw_password_page_new (void)
{
  return g_object_new (KW_TYPE_PASSWORD_PAGE, NULL);
}

void
kw_password_page_set_code (KwPasswordPage *self,
                           const char     *code)
{
  g_return_if_fail (KW_IS_PASSWORD_PAGE (self));

  g_clear_pointer (&self->code, kw_secret_free);
  self->code = g_strdup (code);
}
