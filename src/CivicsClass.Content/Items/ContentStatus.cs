namespace CivicsClass.Content.Items;

public enum ContentStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}
