"""The domain: rules, permissions and transactions. Nothing here knows GraphQL."""
