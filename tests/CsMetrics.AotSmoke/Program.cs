// Exercises the library under Native AOT. Every module adds a call here as it lands.
Console.WriteLine("OK");
return 0;
