from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "careforce.accounts"
    verbose_name = "Accounts and access"
